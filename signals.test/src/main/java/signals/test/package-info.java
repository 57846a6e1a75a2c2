/**
 * Django's test signals and habits for JUnit Jupiter 6: overriding settings with
 * {@code setting_changed}, recording the signals a test sends, and muting them.
 *
 * <h2>Overriding settings</h2>
 * {@link signals.test.OverrideSetting} and {@link signals.test.RemoveSetting} on a test class or
 * method, or {@link signals.test.Settings#override} in a try-with-resources block, change a
 * setting for a while and put it back, sending {@link signals.test.TestSignals#SETTING_CHANGED}
 * on the way in and out so that receivers can reset what they cached. Settings are system
 * properties unless the application provides a {@link signals.test.SettingsStore}.
 *
 * <h2>Recording</h2>
 * {@link signals.test.SignalRecorder} hears every send before its receivers run, even when a
 * receiver throws or the signal is muted, and asserts on what it heard; in a test, declare it as
 * a parameter with {@link signals.test.RecordSignals}.
 *
 * <h2>Muting</h2>
 * {@link signals.test.MutedSignals} and {@link signals.test.MuteSignals} keep the receivers of
 * chosen signals from running, in the test's thread and its children (the default, safe with
 * parallel tests) or in every thread ({@code everywhere}); the recorder names its threads the
 * same way.
 *
 * <h2>Disconnecting</h2>
 * {@link signals.test.TestReceivers}, registered on a field, disconnects the receivers a test
 * connected once the test ends.
 *
 * <h2>Questions a reviewer asks</h2>
 * <dl>
 *   <dt>Why does a method-level override start before {@code @BeforeEach}?</dt>
 *   <dd>Django applies it to the test function only, but JUnit users build fixtures in
 *       {@code @BeforeEach} and expect them to see the test's settings, as with JUnit's own
 *       {@code @SetSystemProperty}. Class-level overrides follow Django: once per class.</dd>
 *   <dt>Why are recording and muting built on a send observer rather than on receivers?</dt>
 *   <dd>A receiver runs among the others, after some and not at all when an earlier one throws;
 *       an observer sees the send before any receiver, and can skip them all for one thread
 *       only, which a receiver list shared by every thread cannot.</dd>
 *   <dt>Why do mutes follow threads started during the mute but not older threads?</dt>
 *   <dd>Work a test hands to a thread it starts is still the test's; a pool thread made before
 *       may serve other tests running in parallel, which must not be muted.</dd>
 *   <dt>Why name signals by string in {@link signals.test.MuteSignals}?</dt>
 *   <dd>An annotation cannot hold a {@link signals.core.Signal}; reading a constant from the
 *       user's class would take reflection the user's module would have to allow.</dd>
 * </dl>
 *
 * <p>The extensions ({@link signals.test.OverrideExtension}, {@link signals.test.RecordingExtension},
 * {@link signals.test.MuteExtension}) are public, with public no-argument constructors, so JUnit
 * creates them without the user's module opening anything. Everything else not public is
 * implementation.
 *
 * <h2>Where things are</h2>
 * The rule of every module of this project: public here is API; package-private here is the
 * machinery (the recorder, the mutes and the settings behind the extensions); the unexported
 * {@code signals.test.internal} holds only what must be public without being API, the service
 * provider ({@code TestAdapter}), which uses this package and is never used by it.
 *
 * @since 0.1
 */
package signals.test;
