package dm20.relay.browser;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.ParameterInfo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The lifecycle every browser test class shares, in one place: before a class's first test (per engine, for a
 * {@code @ParameterizedClass} over {@link Engine}) it opens a {@link PageTable} in a fresh campaign directory and
 * hands it to {@link BrowserTest}'s static fields; JUnit closes it (browser, relay, bus, directory) when the class,
 * or that engine's run of it, is done.
 *
 * <p>Tests of an engine that is not installed are skipped with the reason (which package to install), unless the
 * engine is required ({@code DM20_BROWSER_REQUIRED} / {@code DM20_WEBKIT_REQUIRED}, set by CI): then they fail.
 * A fixture that failed to open fails every test of its run with the same cause, without retrying.
 */
final class PageTableExtension implements ExecutionCondition, BeforeEachCallback {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(PageTableExtension.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getTestMethod().isEmpty()) {
            return ConditionEvaluationResult.enabled("browser tests are decided per test");
        }
        Engine engine = engine(context);
        return engine.present() || engine.required() ? ConditionEvaluationResult.enabled(engine + " present or required")
                : ConditionEvaluationResult.disabled(engine + " tests skipped: " + engine.missing());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Engine engine = engine(context);
        // The method's parent is the class, or this engine's invocation of a parameterized class: the fixture
        // lives (and is closed) with it.
        ExtensionContext scope = context.getParent().orElseThrow();
        Fixture fixture = scope.getStore(NS).computeIfAbsent(Fixture.class, k -> Fixture.open(context, engine),
                Fixture.class);
        BrowserTest.use(fixture.table());
    }

    /** The engine of the current test: the {@link Engine} argument of its parameterized class, else Chromium. */
    static Engine engine(ExtensionContext context) {
        ParameterInfo info = ParameterInfo.get(context);
        if (info == null) {
            return Engine.CHROMIUM;
        }
        return Arrays.stream(info.getArguments().toArray()).filter(Engine.class::isInstance).map(Engine.class::cast)
                .findFirst().orElse(Engine.CHROMIUM);
    }

    /** An open table, or why it could not be opened (rethrown to every test of the run). */
    private record Fixture(PageTable opened, RuntimeException failure, Path campaign) implements AutoCloseable {

        static Fixture open(ExtensionContext context, Engine engine) {
            TableTitle title = context.getRequiredTestClass().getAnnotation(TableTitle.class);
            Path campaign;
            try {
                campaign = Files.createTempDirectory("dm20-browser");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try {
                return new Fixture(PageTable.open(campaign, title == null ? "Test Table" : title.value(), 0, engine),
                        null, campaign);
            } catch (RuntimeException e) {
                return new Fixture(null, e, campaign);
            }
        }

        PageTable table() {
            if (failure != null) {
                throw failure;
            }
            return opened;
        }

        @Override
        public void close() {
            BrowserTest.use(null);
            try {
                if (opened != null) {
                    opened.close();
                }
            } finally {
                Browser.deleteTree(campaign);
            }
        }
    }
}
