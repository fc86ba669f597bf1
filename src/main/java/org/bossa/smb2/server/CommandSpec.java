package org.bossa.smb2.server;

import org.bossa.smb2.wire.Smb2Command;

/**
 * The dispatch table's preconditions, one row per command, checked in one place before any handler
 * runs (after Samba's smbd_smb2_table[]): does the command need a valid session, a tree connect,
 * and may it change the share?
 */
enum CommandSpec {
    NEGOTIATE(Smb2Command.NEGOTIATE, false, false, false),
    SESSION_SETUP(Smb2Command.SESSION_SETUP, false, false, false),
    LOGOFF(Smb2Command.LOGOFF, true, false, false),
    TREE_CONNECT(Smb2Command.TREE_CONNECT, true, false, false),
    TREE_DISCONNECT(Smb2Command.TREE_DISCONNECT, true, true, false),
    CREATE(Smb2Command.CREATE, true, true, false),
    CLOSE(Smb2Command.CLOSE, true, true, false),
    FLUSH(Smb2Command.FLUSH, true, true, false),
    READ(Smb2Command.READ, true, true, false),
    WRITE(Smb2Command.WRITE, true, true, true),
    LOCK(Smb2Command.LOCK, true, true, false),
    IOCTL(Smb2Command.IOCTL, true, true, false),
    CANCEL(Smb2Command.CANCEL, false, false, false),
    ECHO(Smb2Command.ECHO, false, false, false),
    QUERY_DIRECTORY(Smb2Command.QUERY_DIRECTORY, true, true, false),
    CHANGE_NOTIFY(Smb2Command.CHANGE_NOTIFY, true, true, false),
    QUERY_INFO(Smb2Command.QUERY_INFO, true, true, false),
    SET_INFO(Smb2Command.SET_INFO, true, true, true),
    OPLOCK_BREAK(Smb2Command.OPLOCK_BREAK, true, true, false);

    private static final CommandSpec[] BY_COMMAND = new CommandSpec[Smb2Command.values().length];

    static {
        for (CommandSpec s : values()) {
            BY_COMMAND[s.command.ordinal()] = s;
        }
    }

    final Smb2Command command;
    final boolean needsSession;
    final boolean needsTree;
    final boolean modifies;

    CommandSpec(Smb2Command command, boolean needsSession, boolean needsTree, boolean modifies) {
        this.command = command;
        this.needsSession = needsSession;
        this.needsTree = needsTree;
        this.modifies = modifies;
    }

    static CommandSpec of(Smb2Command c) {
        return BY_COMMAND[c.ordinal()];
    }
}
