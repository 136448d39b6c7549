package dev.herald.core.state.codec;

import dev.herald.core.decision.Subject;
import dev.herald.core.event.LineItem;
import dev.herald.core.event.Product;
import java.io.IOException;
import java.util.List;

/** The pieces that states and events share: products (written once per output), line items and subjects. */
final class Parts {

    /** The most elements a list in a state or an event may have. */
    static final int MAX_LIST = 1 << 24;

    private Parts() {}

    static void product(Product product, SnapshotOutput out) throws IOException {
        if (!out.sharedValue(product)) {
            return;
        }
        out.shared(product.id());
        out.shared(product.name());
        out.optionalDecimal(product.price());
        out.shared(product.currency());
        out.shared(product.category());
        out.shared(product.brand());
        out.shared(product.url());
        out.shared(product.imageUrl());
    }

    static Product product(SnapshotInput in) throws IOException {
        Product known = in.sharedValue("product", Product.class);
        if (known != null) {
            return known;
        }
        in.enter("product");
        Product product = new Product(in.shared("id"), in.shared("name"), in.optionalDecimal("price"),
                in.shared("currency"), in.shared("category"), in.shared("brand"), in.shared("url"),
                in.shared("imageUrl"));
        in.leave();
        return in.remember(product);
    }

    static void items(List<LineItem> items, SnapshotOutput out) throws IOException {
        out.count(items.size());
        for (LineItem item : items) {
            product(item.product(), out);
            out.integer(item.quantity());
        }
    }

    static List<LineItem> items(SnapshotInput in, String field) throws IOException {
        int count = in.count(field, MAX_LIST);
        List<LineItem> items = SnapshotInput.listFor(count);
        in.enter(field);
        for (int i = 0; i < count; i++) {
            in.at(i);
            items.add(new LineItem(product(in), in.integer("quantity")));
        }
        in.leave();
        return items;
    }

    static void subject(Subject subject, SnapshotOutput out) throws IOException {
        items(subject.items(), out);
        out.shared(subject.orderId());
        out.optionalDecimal(subject.previousPrice());
        out.shared(subject.carrier());
        out.shared(subject.trackingUrl());
    }

    static Subject subject(SnapshotInput in) throws IOException {
        in.enter("subject");
        Subject subject = new Subject(items(in, "items"), in.shared("orderId"), in.optionalDecimal("previousPrice"),
                in.shared("carrier"), in.shared("trackingUrl"));
        in.leave();
        return subject;
    }
}
