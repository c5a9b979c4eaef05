-- AlterEnum
ALTER TYPE "UploadKind" ADD VALUE 'booking_photo';
