package org.bossa.fscc;

import java.util.Objects;
import java.util.UUID;

/**
 * What the server knows about the volume behind a share, for {@link FsInfoEncoder}.
 *
 * @param volumeCreationTime            VolumeCreationTime (FILETIME)
 * @param volumeSerialNumber            VolumeSerialNumber (32 bits)
 * @param volumeLabel                   VolumeLabel (often the share name); "" for none
 * @param totalAllocationUnits          TotalAllocationUnits
 * @param callerAvailableAllocationUnits CallerAvailableAllocationUnits (also AvailableAllocationUnits of
 *                                      FileFsSizeInformation): units available to the caller (quota, f_bavail)
 * @param actualAvailableAllocationUnits ActualAvailableAllocationUnits: free units on the volume (f_bfree)
 * @param sectorsPerAllocationUnit      SectorsPerAllocationUnit
 * @param bytesPerSector                BytesPerSector (512 as Samba reports; also the sector sizes of 2.5.7)
 * @param deviceType                    DeviceType, normally {@link FileSystemAttributes#FILE_DEVICE_DISK}
 * @param deviceCharacteristics         Characteristics of FileFsDeviceInformation
 * @param fileSystemAttributes          FileSystemAttributes, e.g. {@link FileSystemAttributes#BOSSA_DEFAULT}
 * @param maximumComponentNameLength    MaximumComponentNameLength (255)
 * @param fileSystemName                FileSystemName ("NTFS", what Samba reports by default)
 * @param objectId                      ObjectId of FileFsObjectIdInformation (a GUID); null for none
 */
public record FsInfo(long volumeCreationTime, int volumeSerialNumber, String volumeLabel,
                     long totalAllocationUnits, long callerAvailableAllocationUnits,
                     long actualAvailableAllocationUnits, int sectorsPerAllocationUnit, int bytesPerSector,
                     int deviceType, int deviceCharacteristics, int fileSystemAttributes,
                     int maximumComponentNameLength, String fileSystemName, UUID objectId) {
    public FsInfo {
        Objects.requireNonNull(volumeLabel, "volumeLabel");
        Objects.requireNonNull(fileSystemName, "fileSystemName");
    }

    /** A disk volume with Bossa's defaults: NTFS, 255, {@link FileSystemAttributes#BOSSA_DEFAULT}, 512-byte sectors. */
    public static FsInfo disk(long volumeCreationTime, int volumeSerialNumber, String volumeLabel,
                              long blockSize, long totalBlocks, long callerFreeBlocks, long freeBlocks) {
        int bytesPerSector = 512;
        long spau = Math.max(1, blockSize / bytesPerSector);
        return new FsInfo(volumeCreationTime, volumeSerialNumber, volumeLabel, totalBlocks, callerFreeBlocks,
                freeBlocks, (int) Math.min(Integer.MAX_VALUE, spau), bytesPerSector,
                FileSystemAttributes.FILE_DEVICE_DISK, FileSystemAttributes.FILE_DEVICE_IS_MOUNTED,
                FileSystemAttributes.BOSSA_DEFAULT, 255, "NTFS", null);
    }
}
