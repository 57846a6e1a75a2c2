package com.example.shop;

/**
 * The payload of {@link ShopSignals#EMAIL_CHANGED}: a customer's e-mail address, before and after.
 *
 * @param customerId the customer's id
 * @param from the address before the change
 * @param to the address after the change
 */
public record EmailChanged(long customerId, String from, String to) {
}
