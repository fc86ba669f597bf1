package org.bossa.smb2.server;

import org.bossa.smb2.wire.Smb2Command;

/**
 * The dispatch table's preconditions, one row per command, checked in one place before any handler
 * runs (after Samba's smbd_smb2_table[]): does the command need a valid session, a tree connect,
 * may it change the share, and is it still served on a session whose logon expired? MS-SMB2
 * 3.3.5.2.9 keeps LOGOFF, CLOSE and LOCK (unlocks only, checked by its handler) working there, so a
 * client can release what it holds, and SESSION_SETUP, which re-authenticates.
 */
enum CommandSpec {
    NEGOTIATE(Smb2Command.NEGOTIATE, false, false, false, true),
    SESSION_SETUP(Smb2Command.SESSION_SETUP, false, false, false, true),
    LOGOFF(Smb2Command.LOGOFF, true, false, false, true),
    TREE_CONNECT(Smb2Command.TREE_CONNECT, true, false, false, false),
    TREE_DISCONNECT(Smb2Command.TREE_DISCONNECT, true, true, false, false),
    CREATE(Smb2Command.CREATE, true, true, false, false),
    CLOSE(Smb2Command.CLOSE, true, true, false, true),
    FLUSH(Smb2Command.FLUSH, true, true, false, false),
    READ(Smb2Command.READ, true, true, false, false),
    WRITE(Smb2Command.WRITE, true, true, true, false),
    LOCK(Smb2Command.LOCK, true, true, false, true),
    IOCTL(Smb2Command.IOCTL, true, true, false, false),
    CANCEL(Smb2Command.CANCEL, false, false, false, true),
    ECHO(Smb2Command.ECHO, false, false, false, true),
    QUERY_DIRECTORY(Smb2Command.QUERY_DIRECTORY, true, true, false, false),
    CHANGE_NOTIFY(Smb2Command.CHANGE_NOTIFY, true, true, false, false),
    QUERY_INFO(Smb2Command.QUERY_INFO, true, true, false, false),
    SET_INFO(Smb2Command.SET_INFO, true, true, true, false),
    OPLOCK_BREAK(Smb2Command.OPLOCK_BREAK, true, true, false, false);

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
    final boolean allowedExpired;

    CommandSpec(Smb2Command command, boolean needsSession, boolean needsTree, boolean modifies, boolean allowedExpired) {
        this.command = command;
        this.needsSession = needsSession;
        this.needsTree = needsTree;
        this.modifies = modifies;
        this.allowedExpired = allowedExpired;
    }

    static CommandSpec of(Smb2Command c) {
        return BY_COMMAND[c.ordinal()];
    }
}
