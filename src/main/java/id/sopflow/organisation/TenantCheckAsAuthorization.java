package id.sopflow.organisation;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * Wraps Camunda's tenant command checker so that working on data of another kecamatan fails with an
 * {@link AuthorizationException} (HTTP 403 in the REST API and the web apps) instead of a plain
 * {@link ProcessEngineException}, which the REST API answers with 500. The message says nothing about
 * the other kecamatan.
 */
final class TenantCheckAsAuthorization {

    static final String MESSAGE = "Tidak berwenang: data ini bukan milik kecamatan Anda.";

    private TenantCheckAsAuthorization() {
    }

    static CommandChecker wrap(CommandChecker tenantChecker) {
        return (CommandChecker) Proxy.newProxyInstance(CommandChecker.class.getClassLoader(), new Class<?>[] {CommandChecker.class},
                (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return switch (method.getName()) {
                            case "equals" -> proxy == args[0];
                            case "hashCode" -> System.identityHashCode(proxy);
                            default -> "TenantCheckAsAuthorization(" + tenantChecker + ")";
                        };
                    }
                    try {
                        return method.invoke(tenantChecker, args);
                    } catch (InvocationTargetException e) {
                        Throwable cause = e.getCause();
                        if (cause instanceof ProcessEngineException && !(cause instanceof AuthorizationException)) {
                            throw new AuthorizationException(MESSAGE);
                        }
                        throw cause;
                    }
                });
    }
}
