package dev.herald.learn.ope.obd;

import dev.herald.learn.ope.LoggedBandit;
import dev.herald.learn.ope.LoggedRound;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * One campaign's log of one policy from the Open Bandit Dataset ({@code obd/<policy>/<campaign>/<campaign>.csv}).
 *
 * <p>
 * The columns are an unnamed row index, {@code timestamp, item_id, position, click, propensity_score}, then hashed
 * user features and user-item affinities, which this reader skips. Each row is one (item, position) impression of
 * a three-slot recommendation; {@code propensity_score} is the probability the policy gave that item in that
 * position. As bandit rounds, the position is the context and the item is the action.
 *
 * @param rows
 *            the impressions, in file order
 */
public record OpenBanditLog(List<OpenBanditRow> rows) {

    private static final String[] EXPECTED_COLUMNS = {"timestamp", "item_id", "position", "click",
            "propensity_score"};

    public OpenBanditLog {
        rows = List.copyOf(rows);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("an Open Bandit log needs at least one row");
        }
    }

    /**
     * Reads a campaign file, gzip-compressed if its name ends in {@code .gz}.
     *
     * @throws UncheckedIOException
     *             if the file cannot be read
     * @throws IllegalArgumentException
     *             if the header or a row is not in the Open Bandit format, naming the line
     */
    public static OpenBanditLog read(Path file) {
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Open Bandit log " + file, e);
        }
    }

    /** Reads a campaign file from an uncompressed stream; {@code source} names it in error messages. */
    public static OpenBanditLog read(InputStream in, String source) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String header = reader.readLine();
        if (header == null) {
            throw new IllegalArgumentException(source + " is empty; expected an Open Bandit Dataset CSV");
        }
        String[] columns = header.split(",", -1);
        for (int i = 0; i < EXPECTED_COLUMNS.length; i++) {
            if (columns.length <= i + 1 || !columns[i + 1].equals(EXPECTED_COLUMNS[i])) {
                throw new IllegalArgumentException(source + ": expected column " + (i + 2) + " to be '"
                        + EXPECTED_COLUMNS[i] + "' (an Open Bandit Dataset CSV), header is: " + header);
            }
        }
        List<OpenBanditRow> rows = new ArrayList<>();
        int lineNumber = 1;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split(",", 7);
            try {
                rows.add(new OpenBanditRow(Integer.parseInt(fields[2]), Integer.parseInt(fields[3]),
                        Integer.parseInt(fields[4]), Double.parseDouble(fields[5])));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(source + " line " + lineNumber
                        + ": expected integer item_id, position and click and a numeric propensity_score, got: "
                        + line.substring(0, Math.min(line.length(), 120)), e);
            }
        }
        return new OpenBanditLog(rows);
    }

    /** The number of items: the largest item id plus one. */
    public int itemCount() {
        return rows.stream().mapToInt(OpenBanditRow::item).max().orElseThrow() + 1;
    }

    /** The mean click rate: the on-policy value of the policy that logged these rows. */
    public double clickRate() {
        return rows.stream().mapToInt(OpenBanditRow::click).average().orElseThrow();
    }

    /**
     * The rows as bandit rounds: context {@link #context(int)} of the position, action the item, reward the click,
     * logging propensity the {@code propensity_score}.
     *
     * @param itemCount
     *            the number of actions (take the larger of two logs' counts when comparing them)
     */
    public LoggedBandit toLoggedBandit(int itemCount) {
        List<LoggedRound> rounds = new ArrayList<>(rows.size());
        for (OpenBanditRow row : rows) {
            rounds.add(new LoggedRound(context(row.position()), row.item(), row.click(), row.propensity()));
        }
        return new LoggedBandit(itemCount, rounds);
    }

    /** The context key of a position, {@code "position 1"} etc. */
    public static String context(int position) {
        return "position " + position;
    }
}
