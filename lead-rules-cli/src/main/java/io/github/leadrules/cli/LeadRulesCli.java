package io.github.leadrules.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.io.PrintWriter;

/**
 * The {@code lead-rules} command: {@code qualify}, {@code sample}, {@code rules},
 * {@code validate}, {@code diff} and {@code backtest}. {@link #run(String[], PrintStream, PrintStream, boolean)} runs it in-process
 * (tests use it); {@link #main(String[])} exits with its code.
 */
@Command(name = "lead-rules", mixinStandardHelpOptions = true, versionProvider = LeadRulesCli.Version.class,
        exitCodeOnInvalidInput = ExitCodes.FAILED, exitCodeOnExecutionException = ExitCodes.FAILED,
        usageHelpAutoWidth = true,
        description = "The marketing–sales agreement about leads, written as rules that run.",
        subcommands = {QualifyCommand.class, SampleCommand.class, RulesCommand.class, ValidateCommand.class,
                DiffCommand.class, BacktestCommand.class, CalibrateCommand.class,
                CommandLine.HelpCommand.class})
public final class LeadRulesCli implements Runnable {

    @Spec
    CommandSpec spec;

    private PrintStream stdout;
    private PrintWriter out;
    private PrintWriter err;
    private boolean interactive;

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.console() != null));
    }

    /**
     * Runs the command line in-process.
     *
     * @param interactive whether stderr is a terminal (turns the progress bar on by default)
     * @return the exit code (see {@link ExitCodes})
     */
    public static int run(String[] args, PrintStream stdout, PrintStream stderr, boolean interactive) {
        LeadRulesCli cli = new LeadRulesCli();
        cli.stdout = stdout;
        cli.out = new PrintWriter(stdout, true);
        cli.err = new PrintWriter(stderr, true);
        cli.interactive = interactive;
        CommandLine cl = new CommandLine(cli);
        cl.setOut(cli.out);
        cl.setErr(cli.err);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("lead-rules " + commandLine.getCommandName() + ": "
                    + CommandErrors.printable(e.toString()));
            return ExitCodes.FAILED;
        });
        int code;
        try {
            code = cl.execute(args);
        } catch (OutOfMemoryError e) {
            // By now the command's partial outputs are removed and its data is garbage: one line, with the fix.
            cli.out.flush();
            cli.err.println(CommandErrors.outOfMemory(subcommand(cl)));
            code = ExitCodes.FAILED;
        }
        cli.out.flush();
        cli.err.flush();
        return code;
    }

    /** The name of the subcommand being run, or null. */
    private static String subcommand(CommandLine cl) {
        CommandLine.ParseResult parsed = cl.getParseResult();
        return parsed == null || parsed.subcommand() == null ? null : parsed.subcommand().commandSpec().name();
    }

    @Override
    public void run() {
        spec.commandLine().usage(out);
    }

    PrintStream stdout() {
        return stdout;
    }

    PrintWriter out() {
        return out;
    }

    PrintWriter err() {
        return err;
    }

    boolean interactive() {
        return interactive;
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = LeadRulesCli.class.getPackage().getImplementationVersion();
            return new String[] {"lead-rules " + (v == null ? "(development build)" : v)};
        }
    }
}
