package signals.benchmarks;

/**
 * What every benchmark signal carries: a small record, as an application's own signal would.
 *
 * @param id an order number
 * @param item what was ordered
 */
record Payload(long id, String item) {
}
