package id.sopflow.web;

import id.sopflow.bappeda.Submissions;
import id.sopflow.compliance.Compliance;
import id.sopflow.organisation.CurrentUser;
import id.sopflow.organisation.CurrentUsers;
import id.sopflow.organisation.Organisation;
import id.sopflow.organisation.Role;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page shows in its header: who is logged in and which menu items are theirs. */
@ControllerAdvice(basePackageClasses = PageModel.class)
class PageModel {

    /** The logged-in user as the menu needs them. */
    record Viewer(String id, boolean seesLateSteps, boolean admin, boolean bappeda, boolean seesSubmissions, boolean seesCompliance) {
    }

    private final CurrentUsers users;
    private final Compliance compliance;

    PageModel(CurrentUsers users, Compliance compliance) {
        this.users = users;
        this.compliance = compliance;
    }

    @ModelAttribute("saya")
    Viewer viewer() {
        CurrentUser user = users.current();
        boolean admin = user.groups().contains(Organisation.CAMUNDA_ADMIN_GROUP);
        boolean bappeda = Submissions.readsEveryKecamatan(user);
        return new Viewer(user.id(), user.seesWholeOffice(), admin, bappeda, bappeda || isOfficeHead(user),
                compliance.mayRead(user));
    }

    static boolean isOfficeHead(CurrentUser user) {
        return user.has(Role.SEKCAM) || user.has(Role.CAMAT);
    }
}
