package io.ordercare.dialog.customer;

import io.ordercare.dialog.platform.NotFoundException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * One customer, one history: each identity (phone, e-mail, platform account) belongs to a profile; a profile is
 * linked to order-gateway's customer once an identity found their orders; when a second profile turns out to
 * belong to the same order-gateway customer, it is merged into the first with the evidence recorded. A merge can
 * be undone, and an undone merge is not made again by itself. Every method runs inside the caller's Panache
 * session/transaction.
 */
@ApplicationScoped
public class IdentityService {

    private static final Logger LOG = Logger.getLogger(IdentityService.class);

    @Inject
    Clock clock;

    /** The live profile of the identity (following merges), created on first contact. */
    public Uni<CustomerProfile> resolve(Identity identity) {
        return ChannelIdentity.<ChannelIdentity>find("kind = ?1 and value = ?2", identity.kind(), identity.value())
                .firstResult()
                .chain(found -> found != null ? live(found.profileId) : create(identity));
    }

    private Uni<CustomerProfile> create(Identity identity) {
        CustomerProfile p = CustomerProfile.create(clock.instant());
        ChannelIdentity ci = new ChannelIdentity();
        ci.kind = identity.kind();
        ci.value = identity.value();
        ci.profileId = p.id;
        ci.firstSeen = clock.instant();
        return p.<CustomerProfile>persist().chain(() -> ci.persist()).replaceWith(p);
    }

    public Uni<CustomerProfile> live(UUID id) {
        return CustomerProfile.<CustomerProfile>findById(id)
                .chain(p -> p.mergedInto == null ? Uni.createFrom().item(p) : live(p.mergedInto));
    }

    /**
     * Links the profile to order-gateway's customer found through {@code via}. When another live profile is linked to
     * that customer already, this one is merged into it (unless a person undid that merge before). Returns the live
     * profile.
     */
    public Uni<CustomerProfile> link(CustomerProfile profile, String gatewayCustomerId, Identity via) {
        if (gatewayCustomerId == null || gatewayCustomerId.isBlank() || profile.gatewayCustomerId != null) {
            return Uni.createFrom().item(profile);
        }
        return CustomerProfile.<CustomerProfile>find("gatewayCustomerId = ?1 and mergedInto is null", gatewayCustomerId)
                .firstResult().chain(other -> {
                    if (other == null || other.id.equals(profile.id)) {
                        profile.gatewayCustomerId = gatewayCustomerId;
                        return Uni.createFrom().item(profile);
                    }
                    return IdentityMerge.count("undoneAt is not null and ((fromProfile = ?1 and intoProfile = ?2) "
                            + "or (fromProfile = ?2 and intoProfile = ?1))", profile.id, other.id)
                            .chain(undone -> undone > 0 ? Uni.createFrom().item(profile)
                                    : merge(profile, other, gatewayCustomerId, via));
                });
    }

    private Uni<CustomerProfile> merge(CustomerProfile from, CustomerProfile into, String gatewayCustomerId, Identity via) {
        return ChannelIdentity.<ChannelIdentity>list("profileId", from.id).chain(identities -> {
            IdentityMerge m = new IdentityMerge();
            m.id = UUID.randomUUID();
            m.fromProfile = from.id;
            m.intoProfile = into.id;
            m.mergedAt = clock.instant();
            m.moved = identities.stream().map(i -> String.valueOf(i.id)).collect(Collectors.joining(","));
            m.evidence = "order-gateway customer " + gatewayCustomerId + " has the " + via.kind() + " " + via.masked()
                    + " used on this channel; profile " + into.id + " is linked to that customer";
            identities.forEach(i -> i.profileId = into.id);
            from.mergedInto = into.id;
            LOG.infof("profile %s merged into %s (order-gateway customer %s, via %s)", from.id, into.id,
                    gatewayCustomerId, via);
            return m.persist().replaceWith(into);
        });
    }

    /** Moves the merged identities back to their profile; the two are not merged again by themselves. */
    public Uni<IdentityMerge> undo(UUID mergeId, String actor) {
        return IdentityMerge.<IdentityMerge>findById(mergeId).chain(m -> {
            if (m == null) {
                return Uni.createFrom().failure(new NotFoundException("merge-not-found", mergeId.toString()));
            }
            if (m.undoneAt != null) {
                return Uni.createFrom().failure(new MergeUndoneException(mergeId.toString()));
            }
            List<Long> ids = m.moved.isBlank() ? List.of()
                    : Arrays.stream(m.moved.split(",")).map(Long::valueOf).toList();
            return CustomerProfile.<CustomerProfile>findById(m.fromProfile)
                    .invoke(from -> from.mergedInto = null)
                    .chain(() -> ids.isEmpty() ? Uni.createFrom().item(0)
                            : ChannelIdentity.update("profileId = ?1 where id in ?2", m.fromProfile, ids))
                    .invoke(() -> {
                        m.undoneAt = clock.instant();
                        m.undoneBy = actor;
                        LOG.infof("merge %s undone by %s", m.id, actor);
                    })
                    .replaceWith(m);
        });
    }

    public static final class MergeUndoneException extends RuntimeException {
        public final String id;

        public MergeUndoneException(String id) {
            super("merge " + id + " is undone already", null, false, false);
            this.id = id;
        }
    }
}
