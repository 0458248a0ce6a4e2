/*
 * SOPflow: the Camunda web apps have no login form of their own here. Users log in at SOPflow's /login
 * (single sign-on into Cockpit, Tasklist, Admin and the welcome page), and Camunda's login endpoint is
 * closed (SecurityConfiguration). So whenever a web app would show its own login form (its route #/login:
 * after "Keluar", or when the session has expired or was ended elsewhere), this sends the browser to
 * SOPflow's login page instead: /login?keluar after "Keluar" ("Anda sudah keluar."), /login otherwise.
 *
 * Loaded as an ES module through 'customScripts' in app/{tasklist,cockpit,admin,welcome}/scripts/config.js
 * (the web apps import it before they start). Works on the URL and one click only, not on Camunda's
 * internals; check after a Camunda upgrade that the login route is still #/login and the header's logout
 * entry still is <li class="logout">.
 */

// app-root is <context path><camunda.bpm.webapp.application-path>, e.g. "/camunda"; the application path is
// one segment (the default), so the context path is app-root without its last segment.
const appRoot = document.querySelector('base[app-root]')?.getAttribute('app-root') ?? '/camunda';
const loginPage = appRoot.replace(/\/[^/]*$/, '') + '/login';

// "Keluar" in the header's user menu (same header widget in all four apps). The app then logs out
// (POST .../auth/user/default/logout ends the whole SOPflow session) and goes to #/login.
let loggingOut = false;
document.addEventListener('click', event => {
  if (event.target instanceof Element && event.target.closest('li.logout')) {
    loggingOut = true;
  }
}, true);

function onCamundaLogin() {
  return /^#!?\/login(?:[/?]|$)/.test(window.location.hash);
}

function toSopflowLogin() {
  if (!onCamundaLogin()) {
    return;
  }
  document.documentElement.style.visibility = 'hidden'; // no flash of Camunda's login form
  // replace: "Back" must not return to #/login (which would only come here again)
  window.location.replace(loginPage + (loggingOut ? '?keluar' : ''));
}

window.addEventListener('hashchange', toSopflowLogin);
window.addEventListener('popstate', toSopflowLogin);
toSopflowLogin();

// SOPflow's staff work in SOPflow's own pages (/); the Camunda 7 CE end-of-life banner at the top of every web app
// (<div class="ce-eol-banner">, "time to migrate to Camunda 8") is not for them: hidden. Check the class name after a
// Camunda upgrade.
const hideBanner = document.createElement('style');
hideBanner.textContent = '.ce-eol-banner { display: none !important; }';
document.head.appendChild(hideBanner);
