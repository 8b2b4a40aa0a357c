package io.ordercare.gateway.inventory;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** The latest stock we were told of for one SKU (fed by {@code inventory.levels}). */
@Entity
@Table(name = "inventory_level")
public class InventoryLevel extends PanacheEntityBase {

    @Id
    public String sku;
    public int available;
    @Column(name = "restock_eta")
    public LocalDate restockEta;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
