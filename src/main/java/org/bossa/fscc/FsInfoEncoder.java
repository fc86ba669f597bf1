package org.bossa.fscc;

import java.util.Arrays;
import java.util.UUID;

/**
 * Encodes the QUERY_INFO (SMB2_0_INFO_FILESYSTEM) replies of [MS-FSCC] 2.5 from an {@link FsInfo}:
 * <ul>
 * <li>2.5.9 FileFsVolumeInformation (18 + label): VolumeCreationTime 8, VolumeSerialNumber 4,
 *     VolumeLabelLength 4, SupportsObjects 1, Reserved 1, VolumeLabel</li>
 * <li>2.5.8 FileFsSizeInformation (24): TotalAllocationUnits 8, AvailableAllocationUnits 8,
 *     SectorsPerAllocationUnit 4, BytesPerSector 4</li>
 * <li>2.5.10 FileFsDeviceInformation (8): DeviceType 4, Characteristics 4</li>
 * <li>2.5.1 FileFsAttributeInformation (12 + name): FileSystemAttributes 4, MaximumComponentNameLength 4,
 *     FileSystemNameLength 4, FileSystemName (not NUL-terminated)</li>
 * <li>2.5.4 FileFsFullSizeInformation (32): TotalAllocationUnits 8, CallerAvailableAllocationUnits 8,
 *     ActualAvailableAllocationUnits 8, SectorsPerAllocationUnit 4, BytesPerSector 4</li>
 * <li>2.5.6 FileFsObjectIdInformation (64): ObjectId 16, ExtendedInfo 48</li>
 * <li>2.5.7 FileFsSectorSizeInformation (28): LogicalBytesPerSector 4, PhysicalBytesPerSectorForAtomicity 4,
 *     PhysicalBytesPerSectorForPerformance 4, FileSystemEffectivePhysicalBytesPerSectorForAtomicity 4, Flags 4,
 *     ByteOffsetForSectorAlignment 4, ByteOffsetForPartitionAlignment 4</li>
 * </ul>
 */
public final class FsInfoEncoder {
    private FsInfoEncoder() {
    }

    /**
     * The smallest OutputBufferLength accepted (the sizes Samba enforces as its fixed portion); -1 if the class
     * is not served.
     */
    public static int minimumOutputLength(FsInformationClass cls) {
        return switch (cls) {
            case FileFsVolumeInformation, FileFsSizeInformation -> 24;
            case FileFsDeviceInformation -> 8;
            case FileFsAttributeInformation -> 16;
            case FileFsFullSizeInformation -> 32;
            case FileFsObjectIdInformation -> 64;
            case FileFsSectorSizeInformation -> 28;
            default -> -1;
        };
    }

    /**
     * The complete structure.
     *
     * @throws FsccUnsupportedException INVALID_INFO_CLASS for classes not served; OBJECT_NAME_NOT_FOUND for
     *                                  FileFsObjectIdInformation without an object id
     */
    public static byte[] encode(FsInformationClass cls, FsInfo v) {
        LeWriter w = new LeWriter(64);
        switch (cls) {
            case FileFsVolumeInformation -> {
                byte[] label = LeWriter.utf16(v.volumeLabel());
                w.u64(v.volumeCreationTime()).u32(v.volumeSerialNumber()).u32(label.length)
                        .u8(v.objectId() != null ? 1 : 0).u8(0).bytes(label);
            }
            case FileFsSizeInformation -> w.u64(v.totalAllocationUnits()).u64(v.callerAvailableAllocationUnits())
                    .u32(v.sectorsPerAllocationUnit()).u32(v.bytesPerSector());
            case FileFsDeviceInformation -> w.u32(v.deviceType()).u32(v.deviceCharacteristics());
            case FileFsAttributeInformation -> {
                byte[] name = LeWriter.utf16(v.fileSystemName());
                w.u32(v.fileSystemAttributes()).u32(v.maximumComponentNameLength()).u32(name.length).bytes(name);
            }
            case FileFsFullSizeInformation -> w.u64(v.totalAllocationUnits())
                    .u64(v.callerAvailableAllocationUnits()).u64(v.actualAvailableAllocationUnits())
                    .u32(v.sectorsPerAllocationUnit()).u32(v.bytesPerSector());
            case FileFsObjectIdInformation -> {
                if (v.objectId() == null) {
                    throw new FsccUnsupportedException(FsccStatus.OBJECT_NAME_NOT_FOUND, "volume has no object id");
                }
                guid(w, v.objectId());
                w.zeros(48);
            }
            case FileFsSectorSizeInformation -> {
                int s = v.bytesPerSector();
                w.u32(s).u32(s).u32(s).u32(s)
                        .u32(FileSystemAttributes.SSINFO_FLAGS_ALIGNED_DEVICE
                                | FileSystemAttributes.SSINFO_FLAGS_PARTITION_ALIGNED_ON_DEVICE)
                        .u32(0).u32(0);
            }
            default -> throw new FsccUnsupportedException(FsccStatus.INVALID_INFO_CLASS,
                    "query of " + cls + " not supported");
        }
        return w.toByteArray();
    }

    /** As {@link FileInfoEncoder#encode(FileInformationClass, FileInfo, int)}: minimum check, then truncation. */
    public static QueryOutput encode(FsInformationClass cls, FsInfo v, int outputBufferLength) {
        int min = minimumOutputLength(cls);
        if (min < 0) {
            throw new FsccUnsupportedException(FsccStatus.INVALID_INFO_CLASS, "query of " + cls + " not supported");
        }
        long offered = Integer.toUnsignedLong(outputBufferLength);
        if (offered < min) {
            throw new FsccFormatException(FsccStatus.INFO_LENGTH_MISMATCH,
                    cls + " needs " + min + " bytes, client offers " + offered);
        }
        byte[] full = encode(cls, v);
        return full.length <= offered ? new QueryOutput(full, false)
                : new QueryOutput(Arrays.copyOf(full, (int) offered), true);
    }

    /** A GUID in the [MS-DTYP] 2.3.4.2 layout: Data1 LE 4, Data2 LE 2, Data3 LE 2, Data4 8 bytes in order. */
    static void guid(LeWriter w, UUID id) {
        long hi = id.getMostSignificantBits();
        long lo = id.getLeastSignificantBits();
        w.u32((int) (hi >>> 32)).u16((int) (hi >>> 16)).u16((int) hi);
        for (int i = 7; i >= 0; i--) {
            w.u8((int) (lo >>> (8 * i)));
        }
    }
}
