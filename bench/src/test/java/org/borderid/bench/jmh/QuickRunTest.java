package org.borderid.bench.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.junit.jupiter.api.Test;

/** Quick mode's options and bookkeeping; running benchmarks is the quick run's own job (CI), not this test's. */
class QuickRunTest {
    @Test
    void quickDefaultsApplyUnlessTheCommandLineSetsTheOption() throws Exception {
        Options quick = QuickRun.options(new CommandLineOptions("TemplateCodec"));
        Options explicit = QuickRun.options(new CommandLineOptions("-f", "2", "-wi", "3", "TemplateCodec"));

        assertThat(quick.getForkCount().get()).isEqualTo(1);
        assertThat(quick.getWarmupIterations().get()).isZero();
        assertThat(quick.getMeasurementIterations().get()).isEqualTo(1);
        assertThat(quick.getMeasurementTime().get().getTime()).isEqualTo(QuickRun.ITERATION_SECONDS);
        assertThat(explicit.getForkCount().get()).isEqualTo(2);
        assertThat(explicit.getWarmupIterations().get()).isEqualTo(3);
        QuickRun.QUICK_PARAMS.forEach((name, value) ->
                assertThat(quick.getParameter(name).get()).containsExactly(value));
    }

    @Test
    void quickForksAreToldSoWhileKeepingTheCommandLinesPrependedArguments() throws Exception {
        Options quick = QuickRun.options(new CommandLineOptions("TemplateCodec"));
        Options withArgs = QuickRun.options(new CommandLineOptions("-jvmArgsPrepend", "-Xmx2g", "TemplateCodec"));

        assertThat(quick.getJvmArgsPrepend().get()).containsExactly("-D" + QuickMode.PROPERTY + "=true");
        assertThat(withArgs.getJvmArgsPrepend().get()).containsExactly("-Xmx2g", "-D" + QuickMode.PROPERTY + "=true");
        assertThat(quick.getJvmArgsAppend().hasValue()).as("the @Fork JVM flags are kept").isFalse();
    }

    @Test
    void quickModeLimitsInputsOnlyInQuickForks() {
        assertThat(QuickMode.on()).isFalse();
        assertThat(QuickMode.inputs(80)).isEqualTo(80);
    }

    @Test
    void expectsOneTrialPerMethodModeAndParameterCombination() throws Exception {
        List<String> all = List.copyOf(QuickRun.expectedTrials(QuickRun.options(
                new CommandLineOptions("TemplateCodecBenchmark"))));
        List<String> ours = List.copyOf(QuickRun.expectedTrials(QuickRun.options(
                new CommandLineOptions("-p", "system=borderid", "TemplateCodecBenchmark"))));

        assertThat(all).hasSize(4).allMatch(k -> k.contains("[thrpt]"))
                .anyMatch(k -> k.contains(".decode") && k.contains("system=sourceafis"));
        assertThat(ours).hasSize(2).allMatch(k -> k.contains("system=borderid"));
        assertThat(QuickRun.missing(QuickRun.expectedTrials(QuickRun.options(
                new CommandLineOptions("TemplateCodecBenchmark"))), List.of())).isEqualTo(all);
    }

    @Test
    void anEmptySelectionFails() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = QuickRun.run(new String[] {"NoSuchBenchmarkAnywhere"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no benchmark matches");
    }

    @Test
    void invalidOptionsAreAUsageError() {
        int code = QuickRun.run(new String[] {"-f", "many"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()));

        assertThat(code).isEqualTo(2);
    }
}
