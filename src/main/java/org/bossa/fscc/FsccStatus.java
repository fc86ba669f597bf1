package org.bossa.fscc;

/**
 * The NT status an fscc failure stands for. The names are the NTSTATUS names of [MS-ERREF] 2.3 without the
 * {@code STATUS_} prefix, so the server maps them one to one; fscc itself imports nothing from the SMB2 layer.
 */
public enum FsccStatus {
    /** STATUS_INVALID_PARAMETER: a field holds a value the spec forbids. */
    INVALID_PARAMETER,
    /** STATUS_INFO_LENGTH_MISMATCH: the buffer is shorter than the fixed part of the structure. */
    INFO_LENGTH_MISMATCH,
    /** STATUS_OBJECT_NAME_INVALID: a name is not valid UTF-16 or has an odd length. */
    OBJECT_NAME_INVALID,
    /** STATUS_INVALID_INFO_CLASS: the information class is unknown or not served. */
    INVALID_INFO_CLASS,
    /** STATUS_NOT_SUPPORTED: the class is known but this server does not implement it. */
    NOT_SUPPORTED,
    /** STATUS_OBJECT_NAME_NOT_FOUND: e.g. FileAlternateNameInformation when there is no 8.3 name. */
    OBJECT_NAME_NOT_FOUND,
    /** STATUS_EA_LIST_INCONSISTENT: a FILE_FULL_EA_INFORMATION chain is malformed ([MS-FSA] 2.1.5.14.3). */
    EA_LIST_INCONSISTENT
}
