package io.ordercare.gateway.order;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One line of an order: what, which spec, how many, at what price (minor units). */
@Entity
@Table(name = "order_item")
public class OrderItem extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "order_item_seq")
    @SequenceGenerator(name = "order_item_seq", sequenceName = "order_item_seq", allocationSize = 50)
    public Long id;
    @Column(name = "order_id")
    public String orderId;
    @Column(name = "line_no")
    public int lineNo;
    public String sku;
    public String name;
    public String category;
    public String size;
    public String colour;
    public int quantity;
    @Column(name = "unit_price_minor")
    public long unitPriceMinor;
    @Column(name = "list_price_minor")
    public long listPriceMinor;

    public long lineTotalMinor() {
        return unitPriceMinor * quantity;
    }
}
