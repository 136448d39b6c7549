package dev.herald.app.importer;

import static dev.herald.app.importer.Imports.read;
import static dev.herald.app.importer.Imports.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.core.event.Activity;
import dev.herald.core.event.LineItem;
import dev.herald.core.event.OrderCompleted;
import dev.herald.core.event.Product;
import dev.herald.core.event.ProductAdded;
import dev.herald.core.event.ProductViewed;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaobaoImporterTest {

    private static final Instant T = Instant.ofEpochSecond(1511544070);
    private static final Product ITEM = new Product("2268318", "", null, "", "2520377", "", "", "");

    @Test
    void shouldReadEachBehaviour() {
        // Arrange
        String csv = """
                1,2268318,2520377,pv,1511544070
                1,2268318,2520377,cart,1511544070
                1,2268318,2520377,fav,1511544070
                1,2268318,2520377,buy,1511544070
                """;

        // Act
        List<ImportRecord> records = read(new TaobaoImporter(), "ub.csv", csv);

        // Assert
        assertThat(records).containsExactly(
                new ImportRecord.Parsed(new ProductViewed("ub.csv:1", "1", T, ITEM)),
                new ImportRecord.Parsed(new ProductAdded("ub.csv:2", "1", T, "", new LineItem(ITEM, 1))),
                new ImportRecord.Parsed(new Activity("ub.csv:3", "1", T, "Product Added to Wishlist")),
                new ImportRecord.Parsed(new OrderCompleted("ub.csv:4", "1", T, "taobao-4",
                        List.of(new LineItem(ITEM, 1)), null, "")));
    }

    @Test
    void shouldRejectLineWithWrongColumnCount() {
        // Act
        List<ImportRecord> records = read(new TaobaoImporter(), "ub.csv",
                "1,2,3,pv\n1,2,3,pv,1511544070,extra,more\n");

        // Assert
        assertThat(records).containsExactly(
                rejected("ub.csv", 1, "expected 5 columns (user_id,item_id,category_id,behavior_type,timestamp), "
                        + "found 4"),
                rejected("ub.csv", 2, "expected 5 columns (user_id,item_id,category_id,behavior_type,timestamp), "
                        + "found 7"));
    }

    @Test
    void shouldRejectLineWithBadTimestamp() {
        // Act
        List<ImportRecord> records = read(new TaobaoImporter(), "ub.csv", "1,2,3,pv,1511544070\n1,2,3,pv,abc\n");

        // Assert
        assertThat(records).hasSize(2).last()
                .isEqualTo(rejected("ub.csv", 2, "column 5 (timestamp) \"abc\" is not a Unix time in seconds"));
    }

    @Test
    void shouldRejectLineWithUnknownBehaviour() {
        // Act
        List<ImportRecord> records = read(new TaobaoImporter(), "ub.csv", "1,2,3,click,1511544070\n");

        // Assert
        assertThat(records).containsExactly(
                rejected("ub.csv", 1, "column 4 (behavior_type) \"click\" is not one of pv, cart, fav, buy"));
    }

    @Test
    void shouldRejectLineWithEmptyIds() {
        // Act
        List<ImportRecord> records = read(new TaobaoImporter(), "ub.csv", ",2,3,pv,1\n1,,3,pv,1\n");

        // Assert
        assertThat(records).containsExactly(rejected("ub.csv", 1, "column 1 (user_id) is empty"),
                rejected("ub.csv", 2, "column 2 (item_id) is empty"));
    }

    @Test
    void shouldSkipBlankLinesAndKeepCountingThem() {
        // Act
        List<ImportRecord> records = read(new TaobaoImporter(), "ub.csv", "\n1,2,3,pv,1\r\n\n1,2,3,pv,x\n");

        // Assert
        assertThat(records).hasSize(2);
        assertThat(((ImportRecord.Parsed) records.get(0)).event().messageId()).isEqualTo("ub.csv:2");
        assertThat(records.get(1)).isEqualTo(
                rejected("ub.csv", 4, "column 5 (timestamp) \"x\" is not a Unix time in seconds"));
    }

    @Test
    void shouldShareOneInstanceForRepeatedIds() {
        // Arrange
        String csv = "100,7,3,pv,1\n100,7,3,cart,2\n";

        // Act
        List<ImportRecord> records = read(new TaobaoImporter(), "ub.csv", csv);

        // Assert
        ProductViewed viewed = (ProductViewed) ((ImportRecord.Parsed) records.get(0)).event();
        ProductAdded added = (ProductAdded) ((ImportRecord.Parsed) records.get(1)).event();
        assertThat(added.userId()).isSameAs(viewed.userId());
        assertThat(added.item().product().id()).isSameAs(viewed.product().id());
    }
}
