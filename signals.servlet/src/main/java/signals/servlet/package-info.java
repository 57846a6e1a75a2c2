/**
 * Django's request signals from a servlet filter: {@link signals.servlet.RequestSignals} declares
 * them, with one payload record each.
 */
package signals.servlet;
