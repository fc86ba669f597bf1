package org.bossa.app.cli;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a new password: from standard input when asked to ({@code --password-stdin}) or when it
 * is not a terminal, one line; else from the terminal, twice without echo. Never echoes, prints
 * or logs it. Refuses an empty password.
 */
final class PasswordInput {
    /** Longest password accepted, in chars (what Windows accepts). */
    static final int MAX_CHARS = 256;
    private static final int MAX_LINE_BYTES = 4 * MAX_CHARS + 2;

    private PasswordInput() {
    }

    /** Reads the password for {@code user}. */
    static String readNew(String user, boolean fromStdin) {
        Console console = System.console();
        // since JDK 22, System.console() may return a Console for redirected streams: ask isTerminal()
        String password = !fromStdin && console != null && console.isTerminal()
                ? fromTerminal(console, user)
                : readLine(System.in);
        if (password.isEmpty()) {
            throw new CliException("empty password refused");
        }
        if (password.length() > MAX_CHARS) {
            throw new CliException("password longer than " + MAX_CHARS + " characters");
        }
        return password;
    }

    /**
     * Reads an existing password (an administrator's, to act in the domain): from standard input
     * when asked to or when it is not a terminal, else once from the terminal without echo.
     */
    static char[] readExisting(String prompt, boolean fromStdin) {
        Console console = System.console();
        char[] password;
        if (!fromStdin && console != null && console.isTerminal()) {
            password = console.readPassword("%s", prompt);
            if (password == null) {
                throw new CliException("no password entered");
            }
        } else {
            password = readLine(System.in).toCharArray();
        }
        if (password.length == 0) {
            throw new CliException("empty password refused");
        }
        return password;
    }

    private static String fromTerminal(Console console, String user) {
        char[] first = console.readPassword("New password for %s: ", user);
        char[] second = null;
        try {
            if (first == null) {
                throw new CliException("no password entered");
            }
            second = console.readPassword("Retype new password: ");
            if (second == null || !Arrays.equals(first, second)) {
                throw new CliException("passwords do not match");
            }
            return new String(first);
        } finally {
            if (first != null) {
                Arrays.fill(first, '\0');
            }
            if (second != null) {
                Arrays.fill(second, '\0');
            }
        }
    }

    /**
     * One line of {@code in} as UTF-8, without its line end; reads nothing past the newline.
     * (UTF-8 whatever the locale: under the C locale the JDK would decode non-ASCII characters to
     * '?', and the hash would silently be that of another password.)
     */
    static String readLine(InputStream in) {
        byte[] buf = new byte[MAX_LINE_BYTES];
        int n = 0;
        try {
            int b;
            boolean sawAny = false;
            while ((b = in.read()) != -1) {
                sawAny = true;
                if (b == '\n') {
                    break;
                }
                if (n == buf.length) {
                    throw new CliException("password longer than " + MAX_CHARS + " characters");
                }
                buf[n++] = (byte) b;
            }
            if (!sawAny) {
                throw new CliException("no password on standard input");
            }
            if (n > 0 && buf[n - 1] == '\r') {
                n--;
            }
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(buf, 0, n))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new CliException("the password on standard input is not UTF-8");
        } catch (IOException e) {
            throw new CliException("cannot read the password from standard input: " + e.getMessage());
        } finally {
            Arrays.fill(buf, (byte) 0);
        }
    }
}
