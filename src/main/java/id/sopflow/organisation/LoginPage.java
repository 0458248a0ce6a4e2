package id.sopflow.organisation;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.HtmlUtils;

/** The login page ({@code GET /login}), written by the server in Bahasa Indonesia; the form posts to Spring Security. */
@RestController
class LoginPage {

    private final LoginAttempts attempts;

    LoginPage(LoginAttempts attempts) {
        this.attempts = attempts;
    }

    @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> login(HttpServletRequest request) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String message = "";
        if (request.getParameter("gagal") != null) {
            message = alert("Nama pengguna atau kata sandi salah.");
        } else if (request.getParameter("terkunci") != null) {
            // the form login was refused without checking the password: say how long this browser must wait
            message = alert(LoginAttempts.waitMessage(attempts.waitFor(request.getRemoteAddr())));
        } else if (request.getParameter("keluar") != null) {
            message = "<p class=\"info\" role=\"status\">Anda sudah keluar.</p>";
        }
        String html = """
                <!DOCTYPE html>
                <html lang="id">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>Masuk - SOPflow</title>
                  <style>
                    body { font-family: system-ui, sans-serif; background: #f3f5f7; margin: 0; }
                    main { max-width: 22rem; margin: 10vh auto; background: #fff; padding: 2rem; border-radius: 8px;
                           box-shadow: 0 1px 4px rgba(0,0,0,.15); }
                    h1 { font-size: 1.4rem; margin: 0 0 .25rem; }
                    p.sub { color: #555; margin: 0 0 1.5rem; }
                    label { display: block; margin: 1rem 0 .25rem; font-weight: 600; }
                    input { width: 100%%; box-sizing: border-box; padding: .6rem; font-size: 1rem; }
                    button { margin-top: 1.5rem; width: 100%%; padding: .7rem; font-size: 1rem; background: #1f5fa8;
                             color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
                    .error { color: #a30000; background: #fde8e8; padding: .6rem; border-radius: 4px; }
                    .info { color: #0b5d1e; background: #e6f4ea; padding: .6rem; border-radius: 4px; }
                  </style>
                </head>
                <body>
                <main>
                  <h1>SOPflow</h1>
                  <p class="sub">SOP Administrasi Pemerintahan kecamatan</p>
                  %s
                  <form method="post" action="%s/login">
                    <label for="username">Nama pengguna</label>
                    <input id="username" name="username" autocomplete="username" required autofocus>
                    <label for="password">Kata sandi</label>
                    <input id="password" name="password" type="password" autocomplete="current-password" required>
                    <input type="hidden" name="%s" value="%s">
                    <button type="submit">Masuk</button>
                  </form>
                </main>
                </body>
                </html>
                """.formatted(message, HtmlUtils.htmlEscape(request.getContextPath()),
                HtmlUtils.htmlEscape(csrf == null ? "_csrf" : csrf.getParameterName()),
                HtmlUtils.htmlEscape(csrf == null ? "" : csrf.getToken()));
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8)).body(html);
    }

    private static String alert(String text) {
        return "<p class=\"error\" role=\"alert\">" + HtmlUtils.htmlEscape(text) + "</p>";
    }
}
