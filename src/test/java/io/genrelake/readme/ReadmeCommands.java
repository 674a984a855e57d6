package io.genrelake.readme;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shell commands a Markdown file tells its reader to run: every line of a {@code ```bash} (sh, shell,
 * console) block, with {@code \} continuations joined and comments dropped; the lines of a fence without a
 * language that are commands (by the rule for code spans); and every inline {@code `code`} span that is a
 * command rather than a name: one that starts (after {@code VAR=value} assignments) with a
 * program of this checkout ({@code bin/…}, {@code ./mvnw}, {@code jobs/….sh}, {@code .ci/…}) or a well-known
 * one ({@code apt-get}, {@code java}, {@code jupyter}, …) and has arguments or assignments. A bare
 * {@code bin/genrelake} or {@code spark-submit} names a program and is not a command.
 *
 * <p>Commands are returned normalised (whitespace collapsed, a table cell's {@code \|} unescaped), in order of
 * first appearance, each once.
 */
final class ReadmeCommands {

    /** Programs from elsewhere whose spans are commands when they have arguments. */
    private static final Set<String> KNOWN_PROGRAMS = Set.of("apt-get", "apt", "sudo", "java", "jupyter", "mvn",
            "spark-submit", "docker", "pip", "pip3", "python", "python3", "curl", "wget", "git", "bash", "sh", "make",
            "crontab", "airflow", "hdfs", "hadoop", "aws", "kubectl", "export");

    private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~)\\s*([A-Za-z0-9_+-]*).*$");
    private static final Set<String> SHELL_LANGUAGES = Set.of("bash", "sh", "shell", "console", "zsh");
    private static final Pattern ASSIGNMENT = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*=\\S*$");
    private static final Pattern INLINE_CODE = Pattern.compile("(`+)(.+?)\\1");

    private ReadmeCommands() {
    }

    /** The commands of the Markdown file {@code md}. */
    static List<String> of(Path md) throws IOException {
        return parse(Files.readAllLines(md));
    }

    static List<String> parse(List<String> lines) {
        Set<String> commands = new LinkedHashSet<>();
        StringBuilder paragraph = new StringBuilder();
        String fenceLanguage = null; // inside a fence when non-null
        String fenceMarker = null;
        StringBuilder continued = new StringBuilder();
        for (String line : lines) {
            Matcher fence = FENCE.matcher(line);
            if (fenceLanguage == null && fence.matches()) {
                inlineCommands(paragraph.toString(), commands);
                paragraph.setLength(0);
                fenceMarker = fence.group(1);
                fenceLanguage = fence.group(2).toLowerCase(Locale.ROOT);
                continue;
            }
            if (fenceLanguage != null) {
                if (line.strip().equals(fenceMarker)) {
                    if (!continued.isEmpty()) {
                        addShellLine(continued.toString(), commands);
                        continued.setLength(0);
                    }
                    fenceLanguage = null;
                } else if (fenceLanguage.isEmpty()) { // unlabelled: output or commands; the lines that are commands
                    String code = normalise(stripComment(line));
                    if (isCommand(code)) {
                        addShellLine(code, commands);
                    }
                } else if (SHELL_LANGUAGES.contains(fenceLanguage)) {
                    String code = stripComment(line);
                    if (code.stripTrailing().endsWith("\\")) {
                        String t = code.stripTrailing();
                        continued.append(t, 0, t.length() - 1).append(' ');
                    } else {
                        continued.append(code);
                        addShellLine(continued.toString(), commands);
                        continued.setLength(0);
                    }
                }
                continue;
            }
            if (line.isBlank()) {
                inlineCommands(paragraph.toString(), commands);
                paragraph.setLength(0);
            } else {
                paragraph.append(line).append(' ');
            }
        }
        inlineCommands(paragraph.toString(), commands);
        return List.copyOf(commands);
    }

    private static void addShellLine(String line, Set<String> commands) {
        String command = normalise(line);
        if (command.startsWith("$ ")) { // a console transcript's prompt
            command = command.substring(2);
        }
        if (!command.isEmpty()) {
            commands.add(command);
        }
    }

    /** The line without its comment: from a {@code #} outside quotes at the start or after whitespace. */
    static String stripComment(String line) {
        boolean single = false;
        boolean dbl = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && !single) {
                i++;
            } else if (c == '\'' && !dbl) {
                single = !single;
            } else if (c == '"' && !single) {
                dbl = !dbl;
            } else if (c == '#' && !single && !dbl && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private static void inlineCommands(String paragraph, Set<String> commands) {
        Matcher m = INLINE_CODE.matcher(paragraph);
        while (m.find()) {
            String span = normalise(m.group(2).replace("\\|", "|"));
            if (isCommand(span)) {
                commands.add(span);
            }
        }
    }

    /** Whether an inline code span is a command to run (see the class comment). */
    static boolean isCommand(String span) {
        String[] words = span.split(" ");
        int i = 0;
        while (i < words.length && ASSIGNMENT.matcher(words[i]).matches()) {
            i++;
        }
        if (i == words.length) {
            return false; // only assignments, or a setting like -Dx=y
        }
        String program = words[i];
        boolean hasArguments = i + 1 < words.length;
        boolean hasAssignments = i > 0;
        boolean ours = program.startsWith("bin/") || program.startsWith("./") || program.startsWith(".ci/")
                || (program.startsWith("jobs/") && program.endsWith(".sh") && !program.contains("*"));
        boolean known = KNOWN_PROGRAMS.contains(program) || program.endsWith("/spark-submit");
        return (ours || known) && (hasArguments || hasAssignments);
    }

    static String normalise(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }
}
