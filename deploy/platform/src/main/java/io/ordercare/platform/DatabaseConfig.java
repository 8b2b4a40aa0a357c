package io.ordercare.platform;

import io.smallrye.config.ConfigMapping;

/** Where the service's own database is ({@code ordercare.db.*}); the datasource URLs are built from it too. */
@ConfigMapping(prefix = "ordercare.db")
public interface DatabaseConfig {

    String host();

    int port();

    String name();

    String username();

    String password();
}
