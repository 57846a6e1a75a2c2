package signals.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mistakes that the API turns into compile errors, checked by compiling a user's class against
 * the built classes with the JDK's compiler: what javac says is the behaviour under test.
 */
class ApiShapeTests {

    @TempDir
    Path dir;

    @Test
    void correctUseOfEveryDisconnectFormCompiles() {
        assertEquals("", compile("""
                Receiver<String> receiver = (s, sender, val) -> { };
                Responder<String> responder = (s, sender, val) -> val;
                WeakReceiver<Object, String> weak = (owner, s, sender, val) -> { };
                try (SignalConnection connection = SIGNAL.connect(receiver)) {
                    connection.disconnect();
                }
                SIGNAL.disconnect(receiver, ConnectOption.sender("seven"));
                SIGNAL.disconnect(responder);
                SIGNAL.disconnectWeak(this, weak);
                SIGNAL.disconnectUid("kitchen.announce", ConnectOption.sender("seven"));
                SIGNAL.hasListeners(null);
                """));
    }

    // Issue 12 item 12: an inline lambda can never match a connected receiver.
    @Test
    void inlineLambdaPassedToDisconnectDoesNotCompile() {
        assertAmbiguous(compile("SIGNAL.disconnect((s, sender, val) -> { });"), "disconnect");
        assertAmbiguous(compile("SIGNAL.disconnect((s, sender, val) -> System.out.println(val));"), "disconnect");
        assertAmbiguous(compile("SIGNAL.disconnect((s, sender, val) -> val);"), "disconnect");
        assertAmbiguous(compile("SIGNAL.disconnect(System.out::println);"), "disconnect");
        assertAmbiguous(compile("SIGNAL.disconnectWeak(this, (owner, s, sender, val) -> { });"), "disconnectWeak");
        assertAmbiguous(compile("SIGNAL.disconnectWeak(this, (owner, s, sender, val) -> val);"), "disconnectWeak");
    }

    // Issue 12 item 6: null no longer picks the uid form silently.
    @Test
    void disconnectOfNullDoesNotCompile() {
        assertAmbiguous(compile("SIGNAL.disconnect(null);"), "disconnect");
    }

    @Test
    void uidIsNotAReceiver() {
        String errors = compile("SIGNAL.disconnect(\"kitchen.announce\");");
        assertTrue(errors.contains("no suitable method found for disconnect(String)"), errors);
    }

    // Issue 12 item 12: Django's has_listeners() is hasListeners(null); the ambiguous form is gone.
    @Test
    void hasListenersWithoutASenderDoesNotCompile() {
        String errors = compile("SIGNAL.hasListeners();");
        assertTrue(errors.contains("hasListeners"), errors);
    }

    // Issue 12 item 12: marking a signal as built in is for adapters, through SignalAdapter.declare.
    @Test
    void firedByIsNotPublicApi() {
        String errors = compile("Signal.builder(\"x\", String.class).firedBy(\"signals.jdbc\");");
        assertTrue(errors.contains("firedBy"), errors);
        assertTrue(errors.contains("not public") || errors.contains("cannot find symbol"), errors);
    }

    private String compile(String body) {
        String source = """
                package com.example.user;

                import signals.core.*;

                final class User {
                    static final Signal<String> SIGNAL = Signal.of("user_signal", String.class);

                    void run() throws Exception {
                %s
                    }
                }
                """.formatted(body.indent(8));
        return Plugins.compileErrors(dir, Map.of("com/example/user/User.java", source));
    }

    private static void assertAmbiguous(String errors, String method) {
        assertTrue(errors.contains("reference to " + method + " is ambiguous"), errors);
    }
}
