package org.borderid.server.cli;

import java.io.PrintStream;
import java.util.List;
import org.borderid.cli.CliCommand;
import org.borderid.opencv.OpenCvNatives;

/** {@code borderid version}: versions of BorderID, the JVM and OpenCV. */
final class VersionCommand implements CliCommand {
    @Override
    public String name() {
        return "version";
    }

    @Override
    public String summary() {
        return "print the BorderID, Java and OpenCV versions";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        String v = Main.class.getPackage().getImplementationVersion();
        out.println("BorderID " + (v == null ? "(development build)" : v));
        out.println("Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")");
        out.println("OpenCV " + OpenCvNatives.ensureLoaded());
        return 0;
    }
}
