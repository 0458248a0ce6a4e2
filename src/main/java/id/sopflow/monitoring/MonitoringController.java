package id.sopflow.monitoring;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * {@code /api/keterlambatan}: the steps that passed their mutu baku and by how much (in working
 * time), the instances with their planned finish, both paged ({@code ?halaman=1&ukuran=50}, at most
 * {@value Monitoring#MAX_PAGE_SIZE} a page; the total in {@code X-Total-Count}), and {@code /api/pemberitahuan}: what the
 * caller was told.
 * A thin adapter of {@link Monitoring}.
 */
@RestController
@RequestMapping("/api")
class MonitoringController {

    private final Monitoring monitoring;

    MonitoringController(Monitoring monitoring) {
        this.monitoring = monitoring;
    }

    /**
     * One page of the alerts the caller sees, the latest deadline first; the body is the page's rows, and
     * {@value #TOTAL_HEADER} says how many rows all pages hold, {@code Link} where the pages before and after are.
     *
     * @param status  {@code terbuka} (default): steps still open; {@code semua}: also finished ones
     * @param jenis   PENGINGAT, TERLAMBAT, ESKALASI or TENGGAT_LAPORAN
     * @param halaman the page, from 1
     * @param ukuran  rows a page, 1 to {@value Monitoring#MAX_PAGE_SIZE} (default 50)
     */
    @GetMapping("/keterlambatan")
    ResponseEntity<List<Monitoring.AlertView>> alerts(@RequestParam(defaultValue = "terbuka") String status,
            @RequestParam(required = false) String jenis, @RequestParam(required = false) String kecamatan,
            @RequestParam(defaultValue = "1") int halaman, @RequestParam(defaultValue = DEFAULT_SIZE) int ukuran) {
        Monitoring.PageRequest page = new Monitoring.PageRequest(halaman, ukuran);
        return paged(monitoring.alerts(status, jenis, kecamatan, page));
    }

    /** One page of the running instances with their planned finish, the earliest started first (paged as above). */
    @GetMapping("/keterlambatan/instances")
    ResponseEntity<List<Monitoring.InstanceView>> instances(@RequestParam(required = false) String kecamatan,
            @RequestParam(defaultValue = "1") int halaman, @RequestParam(defaultValue = DEFAULT_SIZE) int ukuran) {
        Monitoring.PageRequest page = new Monitoring.PageRequest(halaman, ukuran);
        return paged(monitoring.instances(kecamatan, page));
    }

    static final String TOTAL_HEADER = "X-Total-Count";
    private static final String DEFAULT_SIZE = "" + Monitoring.PageRequest.DEFAULT_PAGE_SIZE;

    private static <T> ResponseEntity<List<T>> paged(Monitoring.Paged<T> page) {
        List<String> links = new java.util.ArrayList<>();
        if (page.halaman() > 1) {
            links.add(link(Math.min(page.halaman() - 1, page.jumlahHalaman()), page.ukuran(), "prev"));
        }
        if (page.halaman() < page.jumlahHalaman()) {
            links.add(link(page.halaman() + 1, page.ukuran(), "next"));
        }
        links.add(link(1, page.ukuran(), "first"));
        links.add(link(page.jumlahHalaman(), page.ukuran(), "last"));
        return ResponseEntity.ok().header(TOTAL_HEADER, Long.toString(page.jumlah()))
                .header(org.springframework.http.HttpHeaders.LINK, String.join(", ", links))
                .body(page.isi());
    }

    private static String link(int halaman, int ukuran, String rel) {
        String uri = org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam("halaman", halaman).replaceQueryParam("ukuran", ukuran).build().toUriString();
        return "<" + uri + ">; rel=\"" + rel + "\"";
    }

    /** What the caller's groups (in their kecamatan) or the caller were told, newest first. */
    @GetMapping("/pemberitahuan")
    List<Monitoring.NotificationView> notifications(@RequestParam(defaultValue = "false") boolean belumDibaca) {
        return monitoring.notifications(belumDibaca);
    }

    /** Marks a notification addressed to the caller as read; 404 for any other (nothing changes). */
    @PostMapping("/pemberitahuan/{id}/dibaca")
    ResponseEntity<Void> markRead(@PathVariable String id) {
        monitoring.markRead(id);
        return ResponseEntity.noContent().build();
    }
}
