/**
 * Django's request signals (request_started, request_finished, got_request_exception) from a
 * servlet filter. Not written yet: this module is a placeholder so that the build, the BOM and the
 * module names are fixed from the start.
 */
module signals.servlet {
    requires signals.core;
}
