package id.sopflow.demo;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo profile seeds instances of both kecamatan, some of them already late. */
@SpringBootTest
@ActiveProfiles({"test", "demo"})
class DemoDataIT {

    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DemoData demo;

    @Test
    void seedsOnceWithLateSteps() {
        assertThat(runtime.createProcessInstanceQuery().list()).extracting(ProcessInstance::getBusinessKey)
                .containsExactlyInAnyOrder("RENJA-2027", "RUP-2027", "RUP-2026", "LAKIP-2026", "DPA-2027", "RENSTRA-2027",
                        "arut-selatan:RUP-2026"); // the last, Bappeda's inbox for the RUP 2026 that was sent
        assertThat(jdbc.queryForList("select status from SOPFLOW_KIRIMAN where business_key = 'RUP-2026'", String.class))
                .containsExactly("TERKIRIM");
        assertThat(runtime.createProcessInstanceQuery().tenantIdIn("ajibarang").count()).isEqualTo(2);

        management.createJobQuery().executable().list().forEach(j -> management.executeJob(j.getId()));
        assertThat(jdbc.queryForList("select distinct business_key from SOPFLOW_PERINGATAN where jenis = 'TERLAMBAT'", String.class))
                .contains("RENJA-2027", "RUP-2027", "DPA-2027")
                .doesNotContain("LAKIP-2026", "RENSTRA-2027", "RUP-2026");

        java.sql.Timestamp rupStart = jdbc.queryForObject(
                "select mulai from SOPFLOW_PERINGATAN where business_key = 'RUP-2027' and jenis = 'TERLAMBAT'", java.sql.Timestamp.class);
        assertThat(java.time.Duration.between(rupStart.toInstant(), java.time.Instant.now()).toDays())
                .as("the RUP correction was handed over one working day ago").isBetween(0L, 5L);

        // the dossiers hold small real PDFs: the RUP's draft (required at its step 3) and the documents of work in progress
        assertThat(jdbc.queryForList("select d.jenis from SOPFLOW_DOKUMEN d where d.jenis_isi = 'application/pdf' order by d.jenis", String.class))
                .contains("berkas draf RUP", "draf dan matrik rancangan renja", "RKA", "SK Tim penyusunan Renstra / Revisi Renstra");
        assertThat(jdbc.queryForList("select i.isi from SOPFLOW_DOKUMEN_ISI i", byte[].class))
                .allSatisfy(pdf -> assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-"));

        demo.seed();
        assertThat(history.createHistoricProcessInstanceQuery().count()).as("seeded once").isEqualTo(7);
    }
}
