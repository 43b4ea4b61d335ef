import { useParams } from 'react-router';
import { PlayScreen } from '../trainee/PlayScreen';

/** Route /play/:sessionId: the trainee's play screen, resumed after a reload or a drop. */
export function PlayPage() {
  const { sessionId = '' } = useParams();
  return <PlayScreen key={sessionId} sessionId={sessionId} />;
}
