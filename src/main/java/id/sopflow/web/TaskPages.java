package id.sopflow.web;

import id.sopflow.organisation.CurrentUser;
import id.sopflow.organisation.CurrentUsers;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Locale;

/** Tugas Saya: the open steps of my groups in my kecamatan, soonest due first, twenty a page; claim and release. */
@Controller
class TaskPages {

    static final int PAGE_SIZE = 20;

    private final CurrentUsers users;
    private final StepRows steps;
    private final TaskService tasks;

    TaskPages(CurrentUsers users, StepRows steps, TaskService tasks) {
        this.users = users;
        this.steps = steps;
        this.tasks = tasks;
    }

    @GetMapping("/tugas")
    String list(@RequestParam(defaultValue = "semua") String filter, @RequestParam(defaultValue = "1") int halaman, Model model) {
        StepRows.Filter which = filter(filter);
        CurrentUser user = users.current();
        long total = steps.count(user, which);
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int page = Math.min(Math.max(1, halaman), pages);
        model.addAttribute("judul", "Tugas Saya");
        model.addAttribute("filter", which.name().toLowerCase(Locale.ROOT));
        model.addAttribute("baris", steps.page(user, which, (page - 1) * PAGE_SIZE, PAGE_SIZE));
        model.addAttribute("jumlah", total);
        model.addAttribute("halaman", Paging.of(page, pages, "/tugas?filter=" + which.name().toLowerCase(Locale.ROOT)));
        return "tugas";
    }

    @PostMapping("/tugas/{id}/klaim")
    String claim(@PathVariable String id, RedirectAttributes flash) {
        String user = users.current().id();
        return claimOrRelease(id, user, "Langkah ini Anda klaim: rekan satu peran melihatnya sebagai milik Anda.", flash);
    }

    @PostMapping("/tugas/{id}/lepas")
    String release(@PathVariable String id, RedirectAttributes flash) {
        return claimOrRelease(id, null, "Klaim dilepas: langkah ini kembali terbuka untuk rekan satu peran.", flash);
    }

    /** Claims the step for the user, or releases it ({@code user} null), as the user: the engine decides who may. */
    private String claimOrRelease(String id, String user, String done, RedirectAttributes flash) {
        var task = tasks.createTaskQuery().taskId(id).singleResult();
        if (task == null) {
            // a step the user does not see (another role's, another kecamatan's, finished, unknown): the same answer
            throw new id.sopflow.api.NotFound("Langkah '" + id + "' tidak ditemukan.");
        }
        if (user == null && task.getAssignee() == null) {
            flash.addFlashAttribute("berhasil", "Langkah ini sudah tidak diklaim siapa pun.");
            return "redirect:/tugas/" + id;
        }
        try {
            tasks.claim(id, user);
            flash.addFlashAttribute("berhasil", done);
        } catch (TaskAlreadyClaimedException e) {
            flash.addFlashAttribute("galat", "Langkah ini sudah diklaim " + e.getTaskAssignee() + ".");
        } catch (AuthorizationException e) {
            throw e;
        } catch (ProcessEngineException e) {
            flash.addFlashAttribute("galat", "Langkah ini tidak lagi terbuka (mungkin sudah diselesaikan orang lain).");
            return "redirect:/tugas";
        }
        return "redirect:/tugas/" + id;
    }

    private static StepRows.Filter filter(String text) {
        try {
            return StepRows.Filter.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return StepRows.Filter.SEMUA;
        }
    }
}
