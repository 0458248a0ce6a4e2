package id.sopflow.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A paged list's neighbours keep its filters. */
class PagingTest {

    @Test
    void theNeighboursKeepTheFiltersAndTheEndsHaveNone() {
        Paging middle = Paging.of(2, 3, "/tugas?filter=terlambat");
        assertThat(middle.previous()).isEqualTo("/tugas?filter=terlambat&halaman=1");
        assertThat(middle.next()).isEqualTo("/tugas?filter=terlambat&halaman=3");
        assertThat(Paging.of(1, 3, "/proses").previous()).isNull();
        assertThat(Paging.of(3, 3, "/proses?halaman=2").next()).isNull();
        assertThat(Paging.of(3, 3, "/proses?halaman=2").previous()).isEqualTo("/proses?halaman=2");
    }
}
