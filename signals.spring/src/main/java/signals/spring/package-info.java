/**
 * Spring Boot auto-configuration for signals: {@link signals.spring.SignalsAutoConfiguration}, the
 * only public type, which an application never names (Boot finds it); its bean methods and the
 * lifecycle that connects receiver beans are package-private.
 *
 * <pre>{@code
 * @Bean
 * SignalBinding<PostSave> welcome(Mailer mailer) {
 *     return SignalBinding.receiver(ModelSignals.POST_SAVE, (signal, sender, save) -> {
 *         if (save.created()) {
 *             mailer.welcome((Customer) save.instance());
 *         }
 *     }, ConnectOption.sender(Customer.class));
 * }
 * }</pre>
 */
package signals.spring;
