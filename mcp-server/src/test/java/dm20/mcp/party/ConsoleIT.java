package dm20.mcp.party;

import dm20.protocol.testing.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The human-DM console as a host would run it: the packaged jar in console mode on the built-in demo, phones
 * joining from the printed links, the DM typing on stdin (a pipe): names with spaces, whose action is open in the
 * prompt, actions and a timed-out turn shown as they happen, prose and never JSON, library logs in a file.
 */
class ConsoleIT {

    private static final Duration WAIT = Duration.ofSeconds(40); // a cold demo start takes ~25 s on 2 loaded cores

    @Test
    @Timeout(240)
    void demoConsole_playerActs_dmAnswersWithAPrivatePart_andQuitStopsTheRelay(@TempDir Path root) throws Exception {
        Path stderr = root.resolve("console-stderr.txt");
        Process console = new ProcessBuilder(consoleCommand("--demo", "--campaign-root", root.toString(), "--port", "0",
                "--host", "127.0.0.1", "--turn-seconds", "2")).redirectError(stderr.toFile()).start();
        List<String> out = new CopyOnWriteArrayList<>();
        Thread.ofVirtual().start(() -> new BufferedReader(new InputStreamReader(console.getInputStream(),
                StandardCharsets.UTF_8)).lines().forEach(out::add));
        PrintStream typed = new PrintStream(console.getOutputStream(), true, StandardCharsets.UTF_8);
        try {
            awaitLine(out, l -> l.startsWith("Party Mode is running for 'The Goblin Warrens'"));
            String host = awaitLine(out, l -> l.contains("/host#"));
            String annLink = url(awaitLine(out, l -> l.contains("Ann (Thorin Ironfist)") && l.contains("/play#")));
            awaitLine(out, l -> l.contains("Type 'help' for commands."));
            assertThat(out.indexOf(host)).as("the host link comes first, marked for the DM only")
                    .isLessThan(out.indexOf(out.stream().filter(l -> l.contains("/play#")).findFirst().orElseThrow()));
            assertThat(out.get(out.indexOf(host) - 2)).contains("FOR YOU ONLY");
            assertThat(out).as("no QR codes unless asked for").noneMatch(l -> l.contains("█") || l.contains("▀"))
                    .noneMatch(l -> l.contains("INFO")).hasSizeLessThan(25);
            Phone ann = Phone.join("Ann", annLink, Optional.empty());
            Phone ben = Phone.join("Ben", url(awaitLine(out, l -> l.contains("Ben (Elara Moonwhisper)") && l.contains("/play#"))),
                    Optional.empty());
            assertThat(ann.await(f -> Phone.type(f).equals("narrative"), WAIT).path("text").asString())
                    .contains("ruined watchtower");

            assertThat(ann.act("I check the stair for traps").statusCode()).isEqualTo(202);
            awaitLine(out, l -> l.contains(">>> Ann (Thorin Ironfist") && l.endsWith(": I check the stair for traps"));
            typed.println("status");
            awaitLine(out, l -> l.startsWith("[Thorin Ironfist: \"I check the stair for traps\"] dm> relay up"));
            assertThat(ben.act("I read the runes on the wall").statusCode()).isEqualTo(202);
            awaitLine(out, l -> l.contains("more waiting") && l.contains("I read the runes on the wall"));
            typed.println("private Thorin: A loose step clicks under your boot.");
            typed.println("resolve Thorin crouches and studies the worn steps.");

            JsonNode annSees = ann.await(f -> Phone.type(f).equals("resolution"), WAIT);
            assertThat(annSees.path("narrative").asString()).isEqualTo("Thorin crouches and studies the worn steps.");
            assertThat(annSees.path("private").asString()).isEqualTo("A loose step clicks under your boot.");
            JsonNode benSees = ben.await(f -> Phone.type(f).equals("resolution"), WAIT);
            assertThat(benSees.has("private")).isFalse();
            assertThat(ben.everything()).doesNotContain("loose step");

            // the next action comes up by itself once the first is answered
            awaitLine(out, l -> l.contains(">>> Ben (Elara Moonwhisper") && l.endsWith(": I read the runes on the wall"));
            typed.println("resolve Elara traces the runes: a warning in Goblin.");
            awaitLine(out, l -> l.equals("[Elara Moonwhisper: \"I read the runes on the wall\"] dm> answered"));
            // help's own examples, on names with spaces; the Goblin has no player, so Thorin's 2 s run out once
            typed.println("fight Thorin:15 Goblin:12:7 Elara:9");
            awaitLine(out, l -> l.contains("▶ Thorin Ironfist (15") && l.contains("Goblin (12, 7/7 HP)"));
            String line = "Time ran out for Thorin Ironfist — Goblin is up.";
            awaitLine(out, l -> l.contains("⏱ " + line));
            ann.await(f -> Phone.type(f).equals("narrative") && f.path("text").asString().equals(line), WAIT);
            typed.println("damage Goblin 4");
            awaitLine(out, l -> l.endsWith("Goblin: 3/7 HP"));
            typed.println("damage \"Elara Moonwhisper\" 2");
            awaitLine(out, l -> l.contains("Elara Moonwhisper: ") && l.contains("HP"));
            typed.println("tool get_character character=Pip");
            awaitLine(out, l -> l.contains("name: Pip Underbough"));

            typed.println("quit");
            assertThat(console.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(console.exitValue()).isZero();
            assertThat(ann.awaitClose(WAIT)).isEqualTo(4000);
            assertThat(out).as("the console speaks prose, never raw JSON").noneMatch(l -> l.contains("{\""));
            assertThat(out.stream().filter(l -> l.contains(line)).count()).isEqualTo(1);
            assertThat(java.nio.file.Files.readString(stderr)).as("library log lines stay off the terminal")
                    .doesNotContain("INFO").doesNotContain("Chronicle");
            assertThat(java.nio.file.Files.readString(stderr)).as("links belong on the console's screen, not stderr")
                    .doesNotContain("/play#").doesNotContain("/host#").doesNotContain(java.net.URI.create(annLink).getFragment());
            String log = java.nio.file.Files.readString(root.resolve("console.log"));
            assertThat(log).as("library lines go to the log file, never a link").isNotEmpty()
                    .doesNotContain("/play#").doesNotContain("/host#").doesNotContain(java.net.URI.create(annLink).getFragment());
        } finally {
            console.destroyForcibly();
            DmClient.relayProcess(root).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    @Timeout(180)
    void demoConsole_endOfInput_stopsTheRelayLikeQuit(@TempDir Path root) throws Exception {
        Process console = new ProcessBuilder(consoleCommand("--demo", "--campaign-root", root.toString(), "--port", "0",
                "--host", "127.0.0.1")).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> out = new CopyOnWriteArrayList<>();
        Thread.ofVirtual().start(() -> new BufferedReader(new InputStreamReader(console.getInputStream(),
                StandardCharsets.UTF_8)).lines().forEach(out::add));
        try {
            String annLink = url(awaitLine(out, l -> l.contains("Ann (Thorin Ironfist)") && l.contains("/play#")));
            awaitLine(out, l -> l.contains("Type 'help' for commands."));
            ProcessHandle relay = DmClient.relayProcess(root).orElseThrow();
            Phone ann = Phone.join("Ann", annLink, Optional.empty());

            console.getOutputStream().close(); // Ctrl-D, or the terminal's pipe closing
            assertThat(console.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(console.exitValue()).isZero();
            assertThat(out).anyMatch(l -> l.contains("End of input: stopping party mode."));
            assertThat(ann.awaitClose(WAIT)).as("the phones are told the table closed").isEqualTo(4000);
            assertThat(relay.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS).isAlive())
                    .as("no relay is left serving a table without its DM").isFalse();
        } finally {
            console.destroyForcibly();
            DmClient.relayProcess(root).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    /**
     * The console as {@code ./dm20 console} starts it: its own main class on the packaged jar's class path, with
     * the JVM flags the jar's manifest would give {@code java -jar}.
     */
    static List<String> consoleCommand(String... args) {
        List<String> cmd = new java.util.ArrayList<>(List.of(ChildJvm.javaBinary()));
        cmd.addAll(ChildJvm.chronicleFlags());
        cmd.addAll(List.of("-Xlog:disable", "-Xlog:all=warning:stderr", "-cp", DmClient.MCP_JAR.toString(),
                "dm20.mcp.console.ConsoleMain"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    @Test
    @Timeout(60)
    void consoleCommandLine_helpAndBadPort_answerWithoutStarting() throws Exception {
        Process help = new ProcessBuilder(consoleCommand("--help")).redirectErrorStream(true).start();
        String usage = new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(help.waitFor()).isZero();
        assertThat(usage).contains("Usage: console", "--demo", "--campaign=NAME", "--port=N");

        Process bad = new ProcessBuilder(consoleCommand("--demo", "--port")).redirectErrorStream(true).start();
        String error = new String(bad.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bad.waitFor()).isEqualTo(2);
        assertThat(error).contains("Missing required parameter for option '--port'").doesNotContain("For input string");
    }

    private static String url(String line) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("https?://\\S+").matcher(line);
        assertThat(m.find()).as(line).isTrue();
        return m.group();
    }

    private static String awaitLine(List<String> out, java.util.function.Predicate<String> match) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos(); // the relay may take long to start under load
        while (System.nanoTime() < deadline) {
            for (String line : out) {
                if (match.test(line)) {
                    return line;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("console never printed the expected line; it printed: " + out);
    }
}
