/**
 * Hibernate's side of {@code signals.jpa}: the service providers Hibernate and the core find
 * ({@link signals.jpa.internal.SignalsIntegrator}, {@link signals.jpa.internal.SchemaSignalsContributor},
 * {@link signals.jpa.internal.TransactionSignalsContributor}, {@link signals.jpa.internal.JpaAdapter}),
 * and, package-private beside them, the event listeners that send the model signals, which only
 * the integrator creates, and {@code SessionTransaction}, the observer through which receivers
 * with a transaction phase wait for Hibernate's transactions. Not exported.
 *
 * <p>This package uses the API package {@code signals.jpa} (the signals and payloads it sends);
 * the API package uses it through one door only, {@link signals.jpa.internal.Associations}, so
 * that {@code ModelSignals.association} can check a name against the associations the integrator
 * saw when a unit booted. The door imports nothing of {@code signals.jpa}, and
 * {@code PlacementRuleTests} checks that nothing else crosses.
 *
 * @since 0.1
 */
package signals.jpa.internal;
