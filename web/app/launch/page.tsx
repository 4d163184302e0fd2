import { CharRnnLaunchForm } from '@/components/launch/char-rnn-launch-form';
import { LaunchForm } from '@/components/launch/launch-form';
import { SegmentationLaunchForm } from '@/components/launch/segmentation-launch-form';

/** Launch: one run or a λ sweep, prefilled with SPEC §3 defaults; the study's experiments one click away. */
export default function LaunchPage() {
  return (
    <>
      <h1>Launch</h1>
      <LaunchForm />
      <CharRnnLaunchForm />
      <SegmentationLaunchForm />
    </>
  );
}
