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
 * time), the instances with their planned finish, and {@code /api/pemberitahuan}: what the caller was told.
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
     * @param status {@code terbuka} (default): steps still open; {@code semua}: also finished ones
     * @param jenis  PENGINGAT, TERLAMBAT, ESKALASI or TENGGAT_LAPORAN
     */
    @GetMapping("/keterlambatan")
    List<Monitoring.AlertView> alerts(@RequestParam(defaultValue = "terbuka") String status, @RequestParam(required = false) String jenis,
            @RequestParam(required = false) String kecamatan) {
        return monitoring.alerts(status, jenis, kecamatan);
    }

    @GetMapping("/keterlambatan/instances")
    List<Monitoring.InstanceView> instances(@RequestParam(required = false) String kecamatan) {
        return monitoring.instances(kecamatan);
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
