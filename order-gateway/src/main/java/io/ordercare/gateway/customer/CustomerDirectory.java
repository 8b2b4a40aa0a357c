package io.ordercare.gateway.customer;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Finds the customer behind an incoming order's phone, email or platform account, or creates one.
 * Identities seen for the first time are attached to the customer found, so the next order through
 * another channel lands on the same person.
 */
@ApplicationScoped
public class CustomerDirectory {

    @Inject
    Clock clock;

    public record Contact(String name, String phone, String email, String platformAccount) {

        List<Claim> claims() {
            List<Claim> claims = new ArrayList<>();
            // platform account first: it is the strongest proof on an ingested order
            if (platformAccount != null && !platformAccount.isBlank()) {
                claims.add(new Claim(CustomerIdentity.Kind.PLATFORM, platformAccount));
            }
            if (phone != null && !phone.isBlank()) {
                claims.add(new Claim(CustomerIdentity.Kind.PHONE, phone));
            }
            if (email != null && !email.isBlank()) {
                claims.add(new Claim(CustomerIdentity.Kind.EMAIL, email.toLowerCase()));
            }
            return claims;
        }
    }

    record Claim(CustomerIdentity.Kind kind, String value) {
    }

    /** Must run inside a transaction. */
    public Uni<Customer> resolve(Contact contact) {
        List<Claim> claims = contact.claims();
        List<String> values = claims.stream().map(Claim::value).toList();
        return CustomerIdentity.<CustomerIdentity>find("value in ?1", values).list()
                .chain(known -> {
                    String customerId = claims.stream()
                            .flatMap(c -> known.stream().filter(k -> k.kind == c.kind() && k.value.equals(c.value())))
                            .map(k -> k.customerId).findFirst().orElse(null);
                    Uni<Customer> customer = customerId == null ? create(contact) : Customer.findById(customerId);
                    return customer.call(c -> attachMissing(c, claims, known));
                });
    }

    private Uni<Customer> create(Contact contact) {
        Customer c = new Customer();
        c.id = "C" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        c.name = contact.name();
        c.createdAt = clock.instant();
        return c.persist();
    }

    private Uni<Void> attachMissing(Customer customer, List<Claim> claims, List<CustomerIdentity> known) {
        List<CustomerIdentity> fresh = new ArrayList<>();
        for (Claim claim : claims) {
            boolean exists = known.stream().anyMatch(k -> k.kind == claim.kind() && k.value.equals(claim.value()));
            if (!exists) {
                CustomerIdentity i = new CustomerIdentity();
                i.customerId = customer.id;
                i.kind = claim.kind();
                i.value = claim.value();
                i.createdAt = clock.instant();
                fresh.add(i);
            }
        }
        return fresh.isEmpty() ? Uni.createFrom().voidItem() : CustomerIdentity.persist(fresh);
    }
}
