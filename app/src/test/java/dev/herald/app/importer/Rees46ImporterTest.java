package dev.herald.app.importer;

import static dev.herald.app.importer.Imports.read;
import static dev.herald.app.importer.Imports.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.core.event.Event;
import dev.herald.core.event.EventType;
import dev.herald.core.event.LineItem;
import dev.herald.core.event.OrderCompleted;
import dev.herald.core.event.PriceChanged;
import dev.herald.core.event.Product;
import dev.herald.core.event.ProductAdded;
import dev.herald.core.event.ProductRemoved;
import dev.herald.core.event.ProductViewed;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class Rees46ImporterTest {

    private static final String HEADER =
            "event_time,event_type,product_id,category_id,category_code,brand,price,user_id,user_session\n";
    private static final Instant T = Instant.parse("2019-10-01T00:00:05Z");
    private static final Product PHONE = new Product("1004258", "apple smartphone", new BigDecimal("732.07"), "",
            "electronics.smartphone", "apple", "", "");
    private static final Path SAMPLE = Path.of("../samples/rees46/2019-Oct-head.csv.gz");

    @Test
    void shouldReadEachEventType() {
        // Arrange
        String csv =
                HEADER + """
                        2019-10-01 00:00:05 UTC,view,1004258,20530,electronics.smartphone,apple,732.07,1,s1
                        2019-10-01 00:00:05 UTC,cart,1004258,20530,electronics.smartphone,apple,732.07,1,s1
                        2019-10-01 00:00:05 UTC,remove_from_cart,1004258,20530,electronics.smartphone,apple,732.07,1,s1
                        2019-10-01 00:00:05 UTC,purchase,1004258,20530,electronics.smartphone,apple,732.07,1,s1
                        """;

        // Act
        List<ImportRecord> records = read(new Rees46Importer(), "oct.csv", csv);

        // Assert
        LineItem item = new LineItem(PHONE, 1);
        assertThat(records).containsExactly(
                new ImportRecord.Parsed(new ProductViewed("oct.csv:2", "1", T, PHONE)),
                new ImportRecord.Parsed(new ProductAdded("oct.csv:3", "1", T, "", item)),
                new ImportRecord.Parsed(new ProductRemoved("oct.csv:4", "1", T, "", item)),
                new ImportRecord.Parsed(new OrderCompleted("oct.csv:5", "1", T, "s1-5", List.of(item),
                        new BigDecimal("732.07"), "")));
    }

    @Test
    void shouldAcceptEmptyOptionalFields() {
        // Arrange
        String csv = HEADER + "2019-10-01 00:00:05 UTC,purchase,5,2053013555631882655,,,,7,\n"
                + "2019-10-01 00:00:05 UTC,view,6,2053013555631882655,,shiseido,35.79,7,s\n"
                + "2019-10-01 00:00:05 UTC,view,8,2053013555631882655,furniture.bedroom.bed,,1.5,7,s\n";

        // Act
        List<Event> events = events(read(new Rees46Importer(), "oct.csv", csv));

        // Assert
        Product noData = new Product("5", "", null, "", "", "", "", "");
        assertThat(events).containsExactly(
                new OrderCompleted("oct.csv:2", "7", T, "order-2", List.of(new LineItem(noData, 1)), null, ""),
                new ProductViewed("oct.csv:3", "7", T,
                        new Product("6", "shiseido", new BigDecimal("35.79"), "", "", "shiseido", "", "")),
                new ProductViewed("oct.csv:4", "7", T,
                        new Product("8", "bed", new BigDecimal("1.5"), "", "furniture.bedroom.bed", "", "", "")));
    }

    @Test
    void shouldEmitPriceChangeBeforeTheEventThatShowsANewPrice() {
        // Arrange
        String csv = HEADER + """
                2019-10-01 00:00:05 UTC,view,1004258,1,electronics.smartphone,apple,732.07,1,s1
                2019-10-01 00:00:05 UTC,view,1004258,1,electronics.smartphone,apple,732.070,2,s2
                2019-10-01 00:00:05 UTC,view,1004258,1,electronics.smartphone,apple,,3,s3
                2019-10-01 00:00:05 UTC,cart,1004258,1,electronics.smartphone,apple,699.00,4,s4
                """;

        // Act
        List<Event> events = events(read(new Rees46Importer(), "oct.csv", csv));

        // Assert
        assertThat(events).extracting(Event::type).containsExactly(EventType.PRODUCT_VIEWED,
                EventType.PRODUCT_VIEWED, EventType.PRODUCT_VIEWED, EventType.PRICE_CHANGED, EventType.PRODUCT_ADDED);
        Product cheaper = PHONE.withPrice(new BigDecimal("699.00"));
        assertThat(events.get(3))
                .isEqualTo(new PriceChanged("oct.csv:5:price", T, cheaper, new BigDecimal("732.07")));
        assertThat(((PriceChanged) events.get(3)).isDrop()).isTrue();
        assertThat(((ProductAdded) events.get(4)).item().product()).isSameAs(((PriceChanged) events.get(3)).product());
    }

    @Test
    void shouldShareProductAndUserInstancesAcrossRows() {
        // Arrange
        String csv = HEADER + """
                2019-10-01 00:00:05 UTC,view,1004258,1,electronics.smartphone,apple,732.07,1,s1
                2019-10-01 00:00:06 UTC,view,1004258,1,electronics.smartphone,apple,732.07,1,s1
                """;

        // Act
        List<Event> events = events(read(new Rees46Importer(), "oct.csv", csv));

        // Assert
        ProductViewed first = (ProductViewed) events.get(0);
        ProductViewed second = (ProductViewed) events.get(1);
        assertThat(second.product()).isSameAs(first.product());
        assertThat(second.userId()).isSameAs(first.userId());
        assertThat(second.timestamp()).isEqualTo(T.plusSeconds(1));
    }

    @Test
    void shouldReadQuotedFieldsAndWorkWithoutHeader() {
        // Arrange
        String csv = "2019-10-01 00:00:05 UTC,view,9,1,\"kids.toys\",\"acme, \"\"the\"\" best\",3.50,1,s\n";

        // Act
        List<Event> events = events(read(new Rees46Importer(), "oct.csv", csv));

        // Assert
        assertThat(((ProductViewed) events.get(0)).product().brand()).isEqualTo("acme, \"the\" best");
        assertThat(events.get(0).messageId()).isEqualTo("oct.csv:1");
    }

    @Test
    void shouldRejectBadRowsWithReasonsAndGoOn() {
        // Arrange
        String csv = HEADER + """
                2019-10-01 00:00:05 UTC,view,1004258,1,electronics.smartphone,apple,732.07,1
                2019-10-01 00:00:05,view,1004258,1,electronics.smartphone,apple,732.07,1,s1
                2019-13-01 00:00:05 UTC,view,1004258,1,electronics.smartphone,apple,732.07,1,s1
                2019-10-01 00:00:05 UTC,click,1004258,1,electronics.smartphone,apple,732.07,1,s1
                2019-10-01 00:00:05 UTC,view,1004258,1,electronics.smartphone,apple,cheap,1,s1
                2019-10-01 00:00:05 UTC,view,1004258,1,electronics.smartphone,apple,-1,1,s1
                2019-10-01 00:00:05 UTC,view,,1,electronics.smartphone,apple,1,1,s1
                2019-10-01 00:00:05 UTC,view,1004258,1,electronics.smartphone,apple,1,,s1
                2019-10-01 00:00:05 UTC,view,1004258,1,"electronics,apple,1,1,s1
                2019-10-01 00:00:05 UTC,view,1004258,1,electronics.smartphone,apple,732.07,1,s1
                """;

        // Act
        List<ImportRecord> records = read(new Rees46Importer(), "oct.csv", csv);

        // Assert
        assertThat(records).hasSize(10).startsWith(
                rejected("oct.csv", 2, "expected 9 columns (event_time,event_type,product_id,category_id,"
                        + "category_code,brand,price,user_id,user_session), found 8"),
                rejected("oct.csv", 3, "column 1 (event_time) \"2019-10-01 00:00:05\" is not a time like "
                        + "2019-10-01 00:00:00 UTC"),
                rejected("oct.csv", 4, "column 1 (event_time) \"2019-13-01 00:00:05 UTC\" is not a time like "
                        + "2019-10-01 00:00:00 UTC"),
                rejected("oct.csv", 5, "column 2 (event_type) \"click\" is not one of view, cart, "
                        + "remove_from_cart, purchase"),
                rejected("oct.csv", 6, "column 7 (price) \"cheap\" is not a price like 489.07"),
                rejected("oct.csv", 7, "column 7 (price) \"-1\" must not be negative"),
                rejected("oct.csv", 8, "column 3 (product_id) is empty"),
                rejected("oct.csv", 9, "column 8 (user_id) is empty"),
                rejected("oct.csv", 10, "a quoted field is not closed"));
        assertThat(records.get(9)).isInstanceOf(ImportRecord.Parsed.class);
    }

    @Test
    void shouldReadTheShippedSampleWithoutRejections() throws IOException {
        // Arrange
        List<ImportRecord> records = new ArrayList<>();

        // Act
        try (InputStream in = InputFiles.open(SAMPLE)) {
            new Rees46Importer().read("2019-Oct-head.csv", in, records::add);
        }

        // Assert
        assertThat(records).noneMatch(r -> r instanceof ImportRecord.Rejected);
        Map<EventType, Long> counts = events(records).stream()
                .collect(Collectors.groupingBy(Event::type, Collectors.counting()));
        assertThat(counts.get(EventType.PRODUCT_VIEWED)).isEqualTo(17_055);
        assertThat(counts.get(EventType.PRODUCT_ADDED)).isEqualTo(165);
        assertThat(counts.get(EventType.ORDER_COMPLETED)).isEqualTo(214);
        // No product changes its price within these first 2 h 50 min: the plain scan finds 0 as well.
        assertThat(counts.getOrDefault(EventType.PRICE_CHANGED, 0L)).isEqualTo(countPriceChangesByPlainScan());
        assertThat(counts).containsOnlyKeys(EventType.PRODUCT_VIEWED, EventType.PRODUCT_ADDED,
                EventType.ORDER_COMPLETED);
    }

    @Test
    void shouldCarryTheSamplesFirstRowExactly() throws IOException {
        // Arrange
        List<ImportRecord> records = new ArrayList<>();

        // Act
        try (InputStream in = InputFiles.open(SAMPLE)) {
            new Rees46Importer().read("2019-Oct-head.csv", in, records::add);
        }

        // Assert: 2019-10-01 00:00:00 UTC,view,44600062,2103807459595387724,,shiseido,35.79,541312140,72d76fde-...
        ProductViewed first = (ProductViewed) ((ImportRecord.Parsed) records.get(0)).event();
        assertThat(first.timestamp()).isEqualTo(Instant.parse("2019-10-01T00:00:00Z"));
        assertThat(first.userId()).isEqualTo("541312140");
        assertThat(first.product()).isEqualTo(
                new Product("44600062", "shiseido", new BigDecimal("35.79"), "", "", "shiseido", "", ""));
    }

    /** Counts price changes with a plain split of each line, independently of the importer. */
    private static long countPriceChangesByPlainScan() throws IOException {
        Map<String, BigDecimal> last = new HashMap<>();
        long changes = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(SAMPLE)), StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] columns = line.split(",", -1);
                if (columns[6].isEmpty()) {
                    continue;
                }
                BigDecimal price = new BigDecimal(columns[6]);
                BigDecimal before = last.put(columns[2], price);
                if (before != null && before.compareTo(price) != 0) {
                    changes++;
                }
            }
        }
        return changes;
    }

    private static List<Event> events(List<ImportRecord> records) {
        Function<ImportRecord, Event> event = r -> ((ImportRecord.Parsed) r).event();
        return records.stream().filter(r -> r instanceof ImportRecord.Parsed).map(event).toList();
    }
}
