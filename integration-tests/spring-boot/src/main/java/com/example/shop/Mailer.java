package com.example.shop;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;

/** Stands in for a mail sender: keeps what it would have sent. */
@Component
public class Mailer {

    private final List<String> sent = new CopyOnWriteArrayList<>();

    public void send(String to, String subject) {
        sent.add(to + ": " + subject);
    }

    public List<String> sent() {
        return List.copyOf(sent);
    }
}
