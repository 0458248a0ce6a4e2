package id.sopflow.organisation;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Map;

/**
 * Who may call what over HTTP. One login for everything: the form at {@code /login} (session, CSRF) or
 * HTTP Basic for REST clients, both checked against Camunda's users by
 * {@link EnginePasswordAuthenticationProvider} with lock-out.
 *
 * <ul>
 *   <li>{@code /engine-rest/**} and {@code /api/**}: authenticated (401 otherwise, with no Basic challenge, so
 *       that no browser keeps a typed password to attach to other sites' requests), each request runs as the
 *       user inside the engine ({@link EngineAuthenticationFilter}), so Camunda authorizations and the
 *       kecamatan (tenant) check decide what is visible.</li>
 *   <li>Camunda web apps ({@code /camunda}): single sign-on from the Spring session through Camunda's
 *       {@link ContainerBasedAuthenticationFilter}; Cockpit and Admin only for {@code camunda-admin};
 *       Camunda's own password login is closed (it would bypass the lock-out); the web apps keep their own
 *       CSRF protection, so Spring's CSRF check skips them. Logging out in a web app ends the whole session.</li>
 *   <li>Health and info are public; other actuator endpoints are for admins. {@code GET /actuator/prometheus} also for
 *       whoever presents the scrape token ({@link ScrapeToken}: Prometheus), which opens nothing else.</li>
 * </ul>
 */
@Configuration
@EnableWebSecurity
class SecurityConfiguration {

    static final String ADMIN = Organisation.CAMUNDA_ADMIN_GROUP;

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, IdentityService identity, LoginAttempts attempts,
                                            VerifiedCredentials credentials, Memberships memberships,
                                            CamundaBpmProperties camunda, AccessDeniedHandler apiAccessDenied,
                                            ScrapeToken scrapeToken) throws Exception {
        String webapp = camunda.getWebapp().getApplicationPath();
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        RequestMatcher api = new OrRequestMatcher(path.matcher("/engine-rest/**"), path.matcher("/api/**"));
        RequestMatcher webappApi = path.matcher(webapp + "/api/**");
        RequestMatcher webappLogout = new AndRequestMatcher(
                path.matcher(HttpMethod.POST, webapp + "/api/admin/auth/user/*/logout"), new RequestHeaderRequestMatcher("X-XSRF-TOKEN"));
        // 401 without a Basic challenge: a browser never shows a password prompt, so it never keeps credentials that
        // another web site's requests would carry along
        AuthenticationEntryPoint unauthorized = SecurityConfiguration::unauthorized;
        RequestMatcher scrape = new AndRequestMatcher(path.matcher(HttpMethod.GET, "/actuator/prometheus"), scrapeToken::presentedBy);

        if (!(identity instanceof OrganisationIdentityService accounts)) {
            throw new IllegalStateException("Layanan identitas mesin bukan milik SOPflow (OrganisationPlugin tidak aktif)");
        }
        http.authenticationProvider(new EnginePasswordAuthenticationProvider(accounts, attempts, credentials, memberships))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(path.matcher("/login"), path.matcher("/error"), path.matcher("/favicon.ico"),
                                path.matcher("/webjars/**"), path.matcher("/css/**"),
                                path.matcher("/actuator/health"), path.matcher("/actuator/health/**"), path.matcher("/actuator/info"))
                        .permitAll()
                        .requestMatchers(scrape).permitAll()
                        .requestMatchers(path.matcher(webapp + "/api/admin/auth/user/*/login/**"), path.matcher(webapp + "/api/admin/setup/**"),
                                path.matcher("/engine-rest/identity/verify"), path.matcher(webapp + "/api/engine/engine/*/identity/verify"))
                        .denyAll()
                        .requestMatchers(path.matcher(webapp + "/api/admin/auth/**")).authenticated()
                        .requestMatchers(path.matcher(webapp + "/app/cockpit/**"), path.matcher(webapp + "/app/admin/**"),
                                path.matcher(webapp + "/api/cockpit/**"), path.matcher(webapp + "/api/admin/**"), path.matcher("/actuator/**"),
                                // days closed at run time change every deadline: admin only
                                path.matcher(HttpMethod.POST, "/api/kalender/**"), path.matcher(HttpMethod.DELETE, "/api/kalender/**"))
                        .hasAuthority(ADMIN)
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login")
                        .defaultSuccessUrl("/", false)
                        .failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath()
                                + (e instanceof LockedException ? "/login?terkunci" : "/login?gagal"))))
                .httpBasic(b -> b.authenticationEntryPoint(unauthorized))
                .requestCache(c -> c.requestCache(pagesOnly(api, webappApi)))
                .logout(l -> l.logoutRequestMatcher(new OrRequestMatcher(path.matcher(HttpMethod.POST, "/logout"), webappLogout))
                        .logoutSuccessHandler((request, response, authentication) -> {
                            if (webappLogout.matches(request)) {
                                response.setStatus(HttpServletResponse.SC_OK);
                            } else {
                                response.sendRedirect(request.getContextPath() + "/login?keluar");
                            }
                        })
                        .invalidateHttpSession(true)
                        .deleteCookies("JSESSIONID"))
                // CSRF guards what a browser can be tricked into. It is skipped only for API calls of a plain REST client:
                // no session cookie and nothing that marks a browser (Origin, Sec-Fetch-*). Credentials in an Authorization
                // header do not exempt a browser's request. The web apps have their own CSRF filter.
                .csrf(c -> c.ignoringRequestMatchers(path.matcher(webapp + "/**"),
                        request -> api.matches(request) && !fromBrowser(request)))
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(unauthorized, api)
                        // metrics are read by machines (Prometheus): 401, not a redirect to the login page
                        .defaultAuthenticationEntryPointFor(unauthorized, path.matcher("/actuator/**"))
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), webappApi)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), AnyRequestMatcher.INSTANCE)
                        // a 403 of /api is a problem detail like every other /api error (package id.sopflow.api)
                        .defaultAccessDeniedHandlerFor(apiAccessDenied, path.matcher("/api/**")))
                // the engine works as the user for the APIs and the web app's pages; Camunda's web apps authenticate themselves
                .addFilterAfter(new EngineAuthenticationFilter(identity, memberships, new NegatedRequestMatcher(new OrRequestMatcher(
                        path.matcher(webapp + "/**"), path.matcher("/webjars/**"), path.matcher("/css/**")))), AuthorizationFilter.class);
        return http.build();
    }

    /** Whether a request comes from a browser: it carries a cookie, or a header only browsers set. */
    static boolean fromBrowser(HttpServletRequest request) {
        return request.getRequestedSessionId() != null || request.getHeader(HttpHeaders.COOKIE) != null
                || request.getHeader(HttpHeaders.ORIGIN) != null || request.getHeader("Sec-Fetch-Site") != null
                || request.getHeader("Sec-Fetch-Mode") != null;
    }

    /** The page asked for before the login is remembered for pages only, not for API calls (no session for them). */
    private static RequestCache pagesOnly(RequestMatcher api, RequestMatcher webappApi) {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setRequestMatcher(new NegatedRequestMatcher(new OrRequestMatcher(api, webappApi)));
        return cache;
    }

    private static void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                + "\"detail\":\"Belum masuk atau kata sandi salah: masuk lewat /login, atau kirim kredensial HTTP Basic.\"}");
    }

    /**
     * Single sign-on into Cockpit, Tasklist and Admin: Camunda's filter takes the user of the Spring session
     * ({@code request.getUserPrincipal()}) and builds the web apps' own authentication with the user's groups
     * and tenants. Registered right after the Spring Security filter chain.
     */
    @Bean
    FilterRegistrationBean<Filter> camundaWebappSingleSignOn(CamundaBpmProperties camunda) {
        String webapp = camunda.getWebapp().getApplicationPath();
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setName("sopflowCamundaSingleSignOn");
        registration.setInitParameters(Map.of(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                ContainerBasedAuthenticationProvider.class.getName()));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        registration.addUrlPatterns(webapp + "/app/*", webapp + "/api/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }

    /**
     * Runs each request of {@code /engine-rest}, {@code /api} and the web app's pages as the logged-in user inside the engine:
     * {@code identityService.setAuthentication(user, groups, tenants)} with the groups and kecamatan of
     * {@link Memberships} (read from the identity service once per user for a few minutes, not per request), cleared
     * when the request ends. Camunda's authorization and tenant
     * checks then apply to everything the request does. Part of the Spring Security chain (not a bean, so
     * it is not registered twice).
     */
    static final class EngineAuthenticationFilter extends OncePerRequestFilter {

        private final IdentityService identity;
        private final Memberships memberships;
        private final RequestMatcher applies;

        EngineAuthenticationFilter(IdentityService identity, Memberships memberships, RequestMatcher applies) {
            this.identity = identity;
            this.memberships = memberships;
            this.applies = applies;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !applies.matches(request);
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication == null || !authentication.isAuthenticated() || authentication instanceof AnonymousAuthenticationToken) {
                chain.doFilter(request, response);
                return;
            }
            String userId = authentication.getName();
            identity.clearAuthentication();
            Memberships.Of of = memberships.of(userId, identity);
            identity.setAuthentication(userId, of.groups(), of.tenants());
            try {
                chain.doFilter(request, response);
            } finally {
                identity.clearAuthentication();
            }
        }
    }
}
