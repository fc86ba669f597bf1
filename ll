smb2.compound.interim2
