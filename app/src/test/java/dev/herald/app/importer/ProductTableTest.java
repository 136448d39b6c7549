package dev.herald.app.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.core.event.Product;
import org.junit.jupiter.api.Test;

class ProductTableTest {

    private final ProductTable table = new ProductTable(new Interner());

    @Test
    void shouldShareOneProductPerItemWhileItsCategoryStays() {
        // Act
        Product first = find("1,2268318,2520377,pv,1");
        Product again = find("9,2268318,2520377,pv,1");

        // Assert
        assertThat(first).isEqualTo(new Product("2268318", "", null, "", "2520377", "", "", ""));
        assertThat(again).isSameAs(first);
        assertThat(table.size()).isEqualTo(1);
    }

    @Test
    void shouldReplaceTheProductWhenTheCategoryChanges() {
        // Act
        Product first = find("1,7,100,pv,1");
        Product moved = find("1,7,200,pv,1");

        // Assert
        assertThat(moved.category()).isEqualTo("200");
        assertThat(moved.id()).isSameAs(first.id());
        assertThat(find("1,7,200,pv,1")).isSameAs(moved);
    }

    @Test
    void shouldKeepIdsWithLeadingZerosOrLettersApartFromNumbers() {
        // Act
        Product seven = find("1,7,1,pv,1");
        Product zeroSeven = find("1,07,1,pv,1");
        Product letters = find("1,a7,1,pv,1");
        Product huge = find("1,12345678901234567890,1,pv,1");

        // Assert
        assertThat(zeroSeven.id()).isEqualTo("07");
        assertThat(zeroSeven).isNotSameAs(seven);
        assertThat(letters.id()).isEqualTo("a7");
        assertThat(find("2,a7,1,pv,1")).isSameAs(letters);
        assertThat(huge.id()).isEqualTo("12345678901234567890");
        assertThat(find("2,12345678901234567890,1,pv,1")).isSameAs(huge);
        assertThat(table.size()).isEqualTo(4);
    }

    @Test
    void shouldFindEveryItemAfterGrowing() {
        // Arrange
        Product[] products = new Product[20_000];

        // Act
        for (int i = 0; i < products.length; i++) {
            products[i] = find("1," + (i * 31L + 5) + ",3,pv,1");
        }

        // Assert
        assertThat(table.size()).isEqualTo(products.length);
        for (int i = 0; i < products.length; i += 101) {
            assertThat(find("2," + (i * 31L + 5) + ",3,pv,1")).isSameAs(products[i]);
        }
    }

    private Product find(String line) {
        int itemStart = line.indexOf(',') + 1;
        int itemEnd = line.indexOf(',', itemStart);
        int categoryEnd = line.indexOf(',', itemEnd + 1);
        return table.find(line, itemStart, itemEnd, itemEnd + 1, categoryEnd);
    }
}
