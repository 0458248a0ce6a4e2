package id.sopflow.web;

import id.sopflow.bappeda.Submissions;
import id.sopflow.monitoring.Monitoring;
import id.sopflow.organisation.CurrentUser;
import id.sopflow.organisation.CurrentUsers;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.ArrayList;
import java.util.List;

/** Beranda: the counters staff know from e-office systems, each a link, and the steps due soonest. */
@Controller
class HomePage {

    /** One counter: what, how many, where to see them, whether it calls for attention. */
    record Counter(String label, long count, String href, boolean alarm) {
    }

    private final CurrentUsers users;
    private final StepRows steps;
    private final Monitoring monitoring;
    private final Submissions submissions;

    HomePage(CurrentUsers users, StepRows steps, Monitoring monitoring, Submissions submissions) {
        this.submissions = submissions;
        this.users = users;
        this.steps = steps;
        this.monitoring = monitoring;
    }

    @GetMapping("/")
    String home(Model model) {
        CurrentUser user = users.current();
        List<Counter> counters = new ArrayList<>();
        counters.add(new Counter("Tugas baru", steps.count(user, StepRows.Filter.BARU), "/tugas?filter=baru", false));
        counters.add(new Counter("Mendekati tenggat", steps.count(user, StepRows.Filter.TENGGAT), "/tugas?filter=tenggat", false));
        long late = steps.count(user, StepRows.Filter.TERLAMBAT);
        counters.add(new Counter("Tugas terlambat", late, "/tugas?filter=terlambat", late > 0));
        counters.add(new Counter("Dikembalikan untuk perbaikan", steps.count(user, StepRows.Filter.DIKEMBALIKAN), "/tugas?filter=dikembalikan", false));
        counters.add(new Counter("Pemberitahuan belum dibaca", monitoring.unreadNotificationCount(), "/pemberitahuan", false));
        if (Submissions.readsEveryKecamatan(user)) {
            counters.add(new Counter("Kiriman menunggu jawaban", submissions.inbox(null, null, null, null, "terkirim").size(),
                    "/kiriman?status=terkirim", false));
        }
        if (user.seesWholeOffice()) {
            long overdue = monitoring.openOverdueCount();
            counters.add(new Counter("Langkah terlambat di kecamatan", overdue, "/terlambat", overdue > 0));
            counters.add(new Counter("Proses berjalan", monitoring.runningCount(), "/proses", false));
        }
        model.addAttribute("judul", "Beranda");
        model.addAttribute("penghitung", counters);
        model.addAttribute("segera", steps.page(user, StepRows.Filter.SEMUA, 0, 5));
        return "beranda";
    }
}
