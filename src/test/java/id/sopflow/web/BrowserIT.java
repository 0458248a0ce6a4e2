package id.sopflow.web;

import id.sopflow.dossier.TestFiles;
import id.sopflow.engine.EngineClock;
import id.sopflow.organisation.AccessTestBase;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web app in a real browser (Debian's chromium through chromedriver, headless) at phone width, 360 px: a DPA of
 * Ajibarang played from start to finish by its demo users, with the required uploads, one return and its rework; and a
 * late step appearing on the Sekcam's Terlambat page once the engine's clock passes its due moment. Every page visited
 * is checked with axe-core (no serious or critical finding) and for horizontal overflow, and kept as a screenshot under
 * {@code target/screenshots/}.
 *
 * <p>Needs {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}: {@code .ci/run} installs them and sets
 * {@code SOPFLOW_BROWSER_TESTS=required}, so that in CI a missing browser fails the build; elsewhere it skips, loudly.
 */
class BrowserIT extends AccessTestBase {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final AtomicInteger SHOT = new AtomicInteger();
    private static WebDriver browser;
    private static String axe;

    @LocalServerPort
    int port;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService historyService;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private final List<String> findings = new ArrayList<>();

    @BeforeAll
    static void openBrowser() throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "required".equals(System.getenv("SOPFLOW_BROWSER_TESTS"))) {
            throw new IllegalStateException("chromium/chromedriver tidak terpasang, padahal SOPFLOW_BROWSER_TESTS=required");
        }
        Assumptions.assumeTrue(installed, "BrowserIT SKIPPED: install chromium and chromium-driver (Debian) to run the browser tests");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=360,800",
                "--user-data-dir=" + Files.createTempDirectory("sopflow-chromium"));
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(), options);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        try (InputStream in = BrowserIT.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @AfterEach
    void resetClock() {
        EngineClock.reset();
    }

    @Test
    void aDpaFromStartToFinishAtPhoneWidth() {
        // the Camat starts the DPA for 2027 and finds its first step on Beranda
        signIn("camat.ajibarang");
        open("/mulai");
        WebElement dpa = browser.findElement(By.id("periode-dpa"));
        dpa.clear();
        dpa.sendKeys("2027");
        check("mulai");
        click(By.xpath("//input[@id='periode-dpa']/ancestor::form//button[contains(., 'Mulai')]"));
        waitFor(By.xpath("//h1[contains(., 'DPA-2027')]"));
        check("instance-baru");
        String instance = browser.getCurrentUrl().replaceAll(".*/proses/", "");
        finishFromHome(1, null);

        signIn("sekcam.ajibarang");
        finishFromHome(2, null);

        // the Kasubbag cannot finish the draft without it, uploads it, then finishes
        signIn("kasubbag.ajibarang");
        stepFromHome(3);
        click(By.xpath("//button[normalize-space()='Selesai']"));
        waitFor(By.xpath("//p[@role='alert' and contains(., 'belum dapat diselesaikan')]"));
        check("langkah-3-ditolak");
        uploadHere("draf-dpa-v1.pdf");
        click(By.xpath("//button[normalize-space()='Selesai']"));
        waitFor(By.xpath("//p[@role='status' and contains(., 'Langkah 3 selesai')]"));

        // the Sekcam sends it back with a note
        signIn("sekcam.ajibarang");
        stepFromHome(4);
        browser.findElement(By.cssSelector("input[name=keputusan][value=kembalikan]")).click();
        browser.findElement(By.id("catatan")).sendKeys("Pagu belanja modal belum sesuai RKA");
        check("langkah-4-kembalikan");
        click(By.xpath("//button[normalize-space()='Kirim keputusan']"));
        waitFor(By.xpath("//p[@role='status' and contains(., 'dikembalikan ke langkah 3')]"));

        // the Kasubbag finds it among the steps sent back, reworks it with a second version
        signIn("kasubbag.ajibarang");
        open("/tugas?filter=dikembalikan");
        check("tugas-dikembalikan");
        click(By.partialLinkText("Langkah 3"));
        waitFor(By.xpath("//h1[contains(., 'Langkah 3 dari 6')]"));
        uploadHere("draf-dpa-v2.pdf");
        click(By.xpath("//button[normalize-space()='Selesai']"));
        waitFor(By.xpath("//p[@role='status' and contains(., 'Langkah 3 selesai')]"));

        signIn("sekcam.ajibarang");
        approveFromHome(4, "draf-terparaf.pdf");
        signIn("camat.ajibarang");
        approveFromHome(5, "dpa-2027-ditandatangani.pdf");
        signIn("umum.ajibarang");
        finishFromHome(6, null);

        signIn("sekcam.ajibarang");
        open("/proses/" + instance);
        waitFor(By.xpath("//dd[contains(., 'selesai pada')]"));
        assertThat(browser.getPageSource()).contains("Pagu belanja modal belum sesuai RKA", "draf-dpa-v2.pdf", "dpa-2027-ditandatangani.pdf");
        check("instance-selesai");
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance).finished().count()).isOne();
        assertThat(findings).as("axe-core (serious, critical) and horizontal overflow at 360 px").isEmpty();
    }

    /** The README's promise: a pelaksana drafts the Renja on a phone, the Kasubbag sends it back with a note. */
    @Test
    void aPelaksanaDraftsTheRenjaOnAPhoneAndTheKasubbagSendsItBack() {
        signIn("pelaksana.arut-selatan");
        open("/mulai");
        WebElement year = browser.findElement(By.id("periode-renja"));
        year.clear();
        year.sendKeys("2028");
        click(By.xpath("//button[contains(., 'Mulai Penyusunan Dokumen Rencana Kerja')]"));
        waitFor(By.xpath("//h1[contains(., 'RENJA-2028')]"));
        for (int step = 1; step <= 3; step++) {
            finishFromHome(step, null);
        }
        finishFromHome(4, "draf-renja-2028.pdf");
        finishFromHome(5, null);
        signIn("kasubbag.arut-selatan");
        finishFromHome(6, null);
        signIn("pelaksana.arut-selatan");
        stepFromHome(7);
        uploadHere("draf-renja-2028-v2.pdf");
        uploadHere("surat-pengantar.pdf");
        click(By.xpath("//button[normalize-space()='Selesai']"));
        waitFor(By.xpath("//p[@role='status' and contains(., 'Langkah 7 selesai')]"));
        finishFromHome(8, null);

        signIn("kasubbag.arut-selatan");
        stepFromHome(9);
        browser.findElement(By.cssSelector("input[name=keputusan][value=kembalikan]")).click();
        browser.findElement(By.id("catatan")).sendKeys("Target kinerja belum mengacu Renstra");
        click(By.xpath("//button[normalize-space()='Kirim keputusan']"));
        waitFor(By.xpath("//p[@role='status' and contains(., 'dikembalikan ke langkah 7')]"));

        signIn("pelaksana.arut-selatan");
        open("/");
        click(By.partialLinkText("Dikembalikan untuk perbaikan"));
        waitFor(By.partialLinkText("Langkah 7"));
        check("renja-dikembalikan");
        assertThat(findings).as("axe-core (serious, critical) and horizontal overflow at 360 px").isEmpty();
    }

    @Test
    void aLateStepAppearsOnTheSekcamsTerlambatPageWhenTheClockPassesItsDueMoment() {
        ProcessInstance dpa = startAs("camat.ajibarang", "dpa");
        Job overdue = management.createJobQuery().processInstanceId(dpa.getId()).activityId(id.sopflow.sop.ProcessContract.deadlineTimer("langkah_01")).singleResult();
        signIn("sekcam.ajibarang");
        open("/terlambat");
        assertThat(browser.getPageSource()).doesNotContain("Menginstruksikan penyusunan");

        EngineClock.setTo(overdue.getDuedate().toInstant().plus(Duration.ofMinutes(20)));
        management.executeJob(overdue.getId());
        open("/terlambat");
        waitFor(By.xpath("//a[contains(., 'Langkah 1: Menginstruksikan penyusunan')]"));
        assertThat(browser.findElement(By.cssSelector("ul.daftar li")).getText()).contains("terlambat", "camat");
        check("terlambat");
        open("/");
        check("beranda-sekcam");
        open("/pemberitahuan");
        check("pemberitahuan");
        assertThat(findings).as("axe-core (serious, critical) and horizontal overflow at 360 px").isEmpty();
    }

    @Test
    void bappedaReceivesARupOnAPhoneAndTheKecamatanSeesItsTandaTerima() {
        ProcessInstance rup = startAs("pelaksana.arut-selatan", "rup");
        walk(rup.getId(), 99, "arut-selatan");
        signIn("staf.bappeda");
        click(By.partialLinkText("Kiriman menunggu jawaban"));
        waitFor(By.xpath("//h1[normalize-space()='Kotak masuk Bappeda']"));
        check("kotak-masuk");
        open("/kiriman/" + submissionOf(rup.getId()));
        waitFor(By.xpath("//h2[normalize-space()='Jawaban Bappeda']"));
        assertThat(browser.findElement(By.id("dokumen")).findElement(By.xpath("..")).getText())
                .contains("RUP yang ditandatangani", "surat pengantar yang ditandatangani");
        check("kiriman");
        click(By.xpath("//button[normalize-space()='Terima']"));
        waitFor(By.xpath("//p[@role='status' and contains(., 'tanda terima TT/')]"));
        String receipt = browser.findElement(By.xpath("//p[@role='status']")).getText().replaceAll("(?s).*(TT/\\d{4}/\\d{4}).*", "$1");
        check("kiriman-diterima");
        open("/ikhtisar");
        waitFor(By.xpath("//h1[contains(., 'Ikhtisar kabupaten')]"));
        check("ikhtisar");

        signIn("sekcam.arut-selatan");
        open("/proses/" + rup.getId());
        waitFor(By.xpath("//h2[normalize-space()='Kiriman ke Bappeda']"));
        assertThat(browser.findElement(By.id("kiriman")).findElement(By.xpath("..")).getText()).contains("diterima", receipt);
        check("instance-diterima");
        assertThat(findings).as("axe-core (serious, critical) and horizontal overflow at 360 px").isEmpty();
    }

    /** Issue 14: the Sekcam assesses the DPA of the running semester on a phone; the record of movement reads and prints. */
    @Test
    void theSekcamAssessesTheDpaAndReadsItsRecordOfMovementOnAPhone() {
        ProcessInstance dpa = startAs("camat.ajibarang", "dpa");
        walk(dpa.getId(), 2, "ajibarang");
        signIn("sekcam.ajibarang");
        open("/");
        click(By.xpath("//nav//a[normalize-space()='Kepatuhan SOP']"));
        waitFor(By.xpath("//h1[normalize-space()='Kepatuhan SOP']"));
        check("kepatuhan-daftar");
        click(By.xpath("//a[normalize-space()='Penyusunan Dokumen Pelaksanaan Anggaran']"));
        waitFor(By.xpath("//h2[normalize-space()='Langkah']"));
        check("kepatuhan");
        assertThat(browser.findElements(By.xpath("//li[@id='langkah-1']/h3[starts-with(normalize-space(), 'Langkah 1:')]")))
                .as("each step is a heading a screen reader can jump to").hasSize(1);
        click(By.xpath("//summary[contains(., 'langkah 1')]"));
        browser.findElement(By.id("catatan-1")).sendKeys("Disposisi Camat tepat waktu");
        click(By.xpath("//li[@id='langkah-1']//button[normalize-space()='Simpan']"));
        waitFor(By.xpath("//p[@role='status' and contains(., 'langkah 1 tersimpan')]"));
        assertThat(browser.findElement(By.id("langkah-1")).getText()).contains("Disposisi Camat tepat waktu", "Dijalankan");
        click(By.partialLinkText("Cetak formulir"));
        waitFor(By.xpath("//h1[normalize-space()='MONITORING PELAKSANAAN SOP AP']"));
        check("kepatuhan-cetak");
        open("/proses/" + dpa.getId());
        click(By.partialLinkText("Riwayat perpindahan"));
        waitFor(By.xpath("//h1[normalize-space()='Riwayat perpindahan']"));
        assertThat(browser.findElement(By.cssSelector("table.riwayat")).getText()).contains("camat.ajibarang", "sekcam.ajibarang");
        check("riwayat");
        click(By.partialLinkText("Versi cetak"));
        waitFor(By.xpath("//h1[contains(., 'PENCATATAN DAN PENDATAAN')]"));
        check("riwayat-cetak");
        jdbc.update("delete from SOPFLOW_PENILAIAN_SOP");
        assertThat(findings).as("axe-core (serious, critical) and horizontal overflow at 360 px").isEmpty();
    }

    @Test
    void theOtherPagesPassTheSameChecks() {
        signIn("pelaksana.arut-selatan");
        for (String page : java.util.List.of("/tugas", "/proses", "/mulai", "/tugas/tidak-ada", "/sop", "/sop/arut-selatan/renja")) {
            open(page);
            check("halaman" + page.replace('/', '-'));
        }
        signIn("admin");
        open("/kalender?tahun=2026");
        waitFor(By.xpath("//h1[contains(., 'Kalender 2026')]"));
        check("kalender");
        assertThat(findings).as("axe-core (serious, critical) and horizontal overflow at 360 px").isEmpty();
    }

    // --- a user in the browser ------------------------------------------------------------------------------

    private void signIn(String user) {
        browser.manage().deleteAllCookies();
        open("/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(user.equals("admin") ? "Uji-Admin-Rahasia-2026" : "Uji-Staf-Rahasia-2026");
        browser.findElement(By.xpath("//button[normalize-space()='Masuk']")).click();
        waitFor(By.xpath("//h1[normalize-space()='Beranda']"));
        check("beranda-" + user);
    }

    private void stepFromHome(int step) {
        open("/");
        click(By.partialLinkText("Langkah " + step + ":"));
        waitFor(By.xpath("//h1[contains(., 'Langkah " + step + " dari')]"));
        check("langkah-" + step);
    }

    private void finishFromHome(int step, String upload) {
        stepFromHome(step);
        if (upload != null) {
            uploadHere(upload);
        }
        click(By.xpath("//button[normalize-space()='Selesai']"));
        waitFor(By.xpath("//p[@role='status' and contains(., 'Langkah " + step + " selesai')]"));
    }

    private void approveFromHome(int step, String upload) {
        stepFromHome(step);
        uploadHere(upload);
        click(By.cssSelector("input[name=keputusan][value=setuju]"));
        click(By.xpath("//button[normalize-space()='Kirim keputusan']"));
        waitFor(By.xpath("//p[@role='status' and contains(., 'Langkah " + step + " disetujui')]"));
    }

    /** Uploads a small PDF of the kind the page suggests (the step's required output not yet uploaded). */
    private void uploadHere(String name) {
        try {
            Path file = Files.createTempDirectory("unggah").resolve(name);
            Files.write(file, TestFiles.pdf(name));
            browser.findElement(By.id("berkas")).sendKeys(file.toAbsolutePath().toString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        click(By.xpath("//button[normalize-space()='Unggah']"));
        waitFor(By.xpath("//p[@role='status' and contains(., '" + name + "')]"));
        check("unggah-" + name);
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private void click(By by) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    private void waitFor(By by) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    /** axe-core's serious and critical findings, horizontal overflow at 360 px, and a screenshot of the page. */
    private void check(String name) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(axe);
        Object result = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations"
                + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.id + ' (' + v.impact + '): ' + v.help + ' @ ' + v.nodes.map(n => n.target.join(' ')).join(', ')))).catch(e => done(['axe: ' + e]));");
        for (Object violation : (List<?>) result) {
            findings.add(name + ": " + violation);
        }
        Boolean overflow = (Boolean) js.executeScript("return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
        if (Boolean.TRUE.equals(overflow)) {
            findings.add(name + ": horizontal overflow at " + js.executeScript("return document.documentElement.scrollWidth;") + " px");
        }
        try {
            Files.write(SCREENSHOTS.resolve("%02d-%s.png".formatted(SHOT.incrementAndGet(), name.replaceAll("[^a-z0-9.-]", "-"))),
                    ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
