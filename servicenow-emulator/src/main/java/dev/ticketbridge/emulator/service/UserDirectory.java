package dev.ticketbridge.emulator.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Log-in credentials and sys_ids of the emulator's users; the user rows themselves live in sys_user. */
@ApplicationScoped
public class UserDirectory {

    private record Account(String sysId, String password) {
    }

    private final Map<String, Account> accounts = new ConcurrentHashMap<>();

    public void register(String userName, String sysId, String password) {
        accounts.put(userName, new Account(sysId, password));
    }

    public boolean authenticate(String userName, String password) {
        Account account = userName == null ? null : accounts.get(userName);
        return account != null && account.password() != null && Objects.equals(account.password(), password);
    }

    public boolean exists(String userName) {
        return accounts.containsKey(userName);
    }

    public Optional<String> sysIdOf(String userName) {
        return Optional.ofNullable(accounts.get(userName)).map(Account::sysId);
    }

    public void clear() {
        accounts.clear();
    }
}
