package org.bossa.smb2.server;

import java.util.EnumMap;
import java.util.Map;
import org.bossa.smb2.wire.NtStatus;
import org.bossa.smb2.wire.Smb2Command;

/** One handler per command; preconditions live in {@link CommandSpec}. */
final class Dispatcher {
    static final Dispatcher INSTANCE = new Dispatcher();

    private final Map<Smb2Command, Handler> handlers = new EnumMap<>(Smb2Command.class);

    private Dispatcher() {
        handlers.put(Smb2Command.NEGOTIATE, new NegotiateHandler());
        handlers.put(Smb2Command.SESSION_SETUP, new SessionSetupHandler());
        handlers.put(Smb2Command.LOGOFF, new LogoffHandler());
        handlers.put(Smb2Command.TREE_CONNECT, new TreeConnectHandler());
        handlers.put(Smb2Command.TREE_DISCONNECT, new TreeDisconnectHandler());
        handlers.put(Smb2Command.CREATE, new CreateHandler());
        handlers.put(Smb2Command.CLOSE, new CloseHandler());
        handlers.put(Smb2Command.FLUSH, new FlushHandler());
        handlers.put(Smb2Command.READ, new ReadHandler());
        handlers.put(Smb2Command.WRITE, new WriteHandler());
        handlers.put(Smb2Command.LOCK, new LockHandler());
        handlers.put(Smb2Command.IOCTL, new IoctlHandler());
        handlers.put(Smb2Command.ECHO, new EchoHandler());
        handlers.put(Smb2Command.QUERY_DIRECTORY, new QueryDirectoryHandler());
        handlers.put(Smb2Command.CHANGE_NOTIFY, new ChangeNotifyHandler());
        handlers.put(Smb2Command.QUERY_INFO, new QueryInfoHandler());
        handlers.put(Smb2Command.SET_INFO, new SetInfoHandler());
        handlers.put(Smb2Command.OPLOCK_BREAK, new OplockBreakHandler());
    }

    Handler handler(Smb2Command c) {
        Handler h = handlers.get(c);
        return h != null ? h : ctx -> Reply.error(NtStatus.NOT_SUPPORTED);
    }
}
