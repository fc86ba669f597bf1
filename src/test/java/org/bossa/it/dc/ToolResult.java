package org.bossa.it.dc;

/**
 * What one run of an external tool (samba-tool, kinit, dc.sh ...) printed, stdout and stderr
 * interleaved, and its exit code.
 */
public record ToolResult(int exitCode, String output) {

    public boolean succeeded() {
        return exitCode == 0;
    }

    @Override
    public String toString() {
        return "exit " + exitCode + ":\n" + output;
    }
}
