package org.bossa.fuzz;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Handles on package-private decoders. The fuzz targets live in one package of their own, and some
 * decoders (the DCE/RPC client's response reassembly, the endpoint mapper's answer, SRV records) are
 * deliberately not public; test code is in the unnamed module, so a private lookup reaches them
 * without widening their visibility in the product.
 */
final class Hidden {
    private Hidden() {
    }

    static MethodHandle staticMethod(String className, String name, Class<?> returnType, Class<?>... params) {
        try {
            Class<?> c = Class.forName(className);
            return MethodHandles.privateLookupIn(c, MethodHandles.lookup())
                    .findStatic(c, name, MethodType.methodType(returnType, params));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("no " + className + "." + name, e);
        }
    }

    static MethodHandle constructor(String className, Class<?>... params) {
        try {
            Class<?> c = Class.forName(className);
            return MethodHandles.privateLookupIn(c, MethodHandles.lookup())
                    .findConstructor(c, MethodType.methodType(void.class, params));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("no constructor of " + className, e);
        }
    }

    static MethodHandle virtualMethod(String className, String name, Class<?> returnType, Class<?>... params) {
        try {
            Class<?> c = Class.forName(className);
            return MethodHandles.privateLookupIn(c, MethodHandles.lookup())
                    .findVirtual(c, name, MethodType.methodType(returnType, params));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("no " + className + "." + name, e);
        }
    }
}
