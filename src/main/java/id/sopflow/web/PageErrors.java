package id.sopflow.web;

import id.sopflow.api.Conflict;
import id.sopflow.api.Forbidden;
import id.sopflow.api.NotFound;
import org.camunda.bpm.engine.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import java.util.UUID;

/**
 * The pages' answers to what goes wrong: a page of something the user may not see is "Tidak ditemukan" (404, the same
 * as for what does not exist), one they may see but not act on 403, a clash 409; never a stack trace. Each is a page of
 * the app with its menu, in Bahasa Indonesia.
 */
@ControllerAdvice(basePackageClasses = PageErrors.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    private static final Logger LOG = LoggerFactory.getLogger(PageErrors.class);

    private final PageModel pageModel;

    PageErrors(PageModel pageModel) {
        this.pageModel = pageModel;
    }

    @ExceptionHandler(NotFound.class)
    ModelAndView notFound(NotFound e) {
        return withMenu(HttpStatus.NOT_FOUND, "Tidak ditemukan", "Halaman atau data ini tidak ada, atau bukan untuk Anda.");
    }

    @ExceptionHandler({Forbidden.class, AuthorizationException.class})
    ModelAndView forbidden(RuntimeException e) {
        return withMenu(HttpStatus.FORBIDDEN, "Tidak berwenang", e instanceof Forbidden ? e.getMessage() : "Tindakan ini bukan untuk peran Anda.");
    }

    @ExceptionHandler(id.sopflow.api.InvalidInput.class)
    ModelAndView invalid(id.sopflow.api.InvalidInput e) {
        return withMenu(HttpStatus.BAD_REQUEST, "Isian tidak dapat diproses", e.getMessage());
    }

    @ExceptionHandler(id.sopflow.api.UnacceptableFile.class)
    ModelAndView file(id.sopflow.api.UnacceptableFile e) {
        return withMenu(switch (e.reason()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
            case UNSUPPORTED_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
        }, "Berkas tidak diterima", e.getMessage());
    }

    /** A parameter missing or not of its type (halaman=abc), a form that is no multipart upload. */
    @ExceptionHandler({org.springframework.beans.TypeMismatchException.class, org.springframework.web.bind.MissingServletRequestParameterException.class,
            org.springframework.web.multipart.MultipartException.class, org.springframework.web.multipart.support.MissingServletRequestPartException.class,
            java.time.format.DateTimeParseException.class})
    ModelAndView badRequest(Exception e) {
        return withMenu(HttpStatus.BAD_REQUEST, "Isian tidak dapat diproses", "Alamat atau isian formulir ini tidak terbaca; kembali, lalu coba lagi.");
    }

    @ExceptionHandler(Conflict.class)
    ModelAndView conflict(Conflict e) {
        return withMenu(HttpStatus.CONFLICT, "Tidak dapat dilakukan", e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e) throws Exception {
        if (e instanceof org.camunda.bpm.engine.OptimisticLockingException || id.sopflow.engine.LockWait.is(e)) {
            // two requests at once (two tabs, two nodes of a cluster): the loser is told, nothing is half-stored
            return withMenu(HttpStatus.CONFLICT, "Tidak dapat dilakukan", "Data ini baru saja diubah oleh permintaan lain (misalnya "
                    + "langkah ini sudah diselesaikan orang lain). Muat ulang halaman, lalu coba lagi bila masih perlu.");
        }
        if (e instanceof org.springframework.web.ErrorResponse response && response.getStatusCode().is4xxClientError()) {
            return withMenu(HttpStatus.valueOf(response.getStatusCode().value()), "Permintaan tidak dapat diproses",
                    "Alamat atau isian ini tidak dikenal (" + response.getStatusCode().value() + ").");
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("Halaman gagal (rujukan {})", reference, e);
        return withMenu(HttpStatus.INTERNAL_SERVER_ERROR, "Terjadi kesalahan",
                "Coba lagi nanti; bila masih gagal, sampaikan kode rujukan " + reference + " kepada admin.");
    }

    /** An error page with the menu of the logged-in user (exception handlers get no model attributes of their own). */
    private ModelAndView withMenu(HttpStatus status, String title, String message) {
        ModelAndView page = page(status, title, message);
        page.addObject("saya", pageModel.viewer());
        return page;
    }

    static ModelAndView page(HttpStatus status, String title, String message) {
        ModelAndView page = new ModelAndView("pesan");
        page.setStatus(status);
        page.addObject("judul", title);
        page.addObject("pesan", message);
        return page;
    }
}
