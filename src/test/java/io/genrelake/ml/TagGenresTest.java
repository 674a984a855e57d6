package io.genrelake.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genrelake.tags.Id3v1Genres;
import java.io.StringReader;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TagGenresTest {

    private static final TagGenres DEFAULTS = TagGenres.defaults();

    @Test
    void id3NumbersBecomeTheirNames() {
        assertEquals(List.of("Rock"), TagGenres.values(List.of("17")));
        assertEquals(List.of("Rock"), TagGenres.values(List.of("(17)")));
        assertEquals(List.of("Rock", "Hard Rock"), TagGenres.values(List.of("(17)(79)Hard Rock")));
        assertEquals(List.of("Blues"), TagGenres.values(List.of("0")));
        assertEquals(List.of("Psybient"), TagGenres.values(List.of("191")));
        assertEquals(List.of(), TagGenres.values(List.of("255"))); // ID3v1's "no genre"
        assertEquals(List.of("Rock"), TagGenres.values(List.of("(RX)(17)")));
        assertEquals(List.of("(Live)"), TagGenres.values(List.of("((Live)")));
        assertEquals(192, Id3v1Genres.size());
    }

    @Test
    void severalValuesInOneTagAreSplit() {
        assertEquals(List.of("Rock", "Pop", "Jazz", "Soul", "Funk"),
                TagGenres.values(List.of("Rock;Pop", "Jazz\0Soul", " Funk / Rock |")));
    }

    @Test
    void caseSpacingAndSpellingVariantsAreOneValue() {
        for (String v : List.of("Alternative Rock", "alternative rock", "  ALTERNATIVE   ROCK ", "Alternative-Rock",
                "Alt. Rock", "alt rock", "AlternRock")) {
            assertEquals("rock", DEFAULTS.map(v), v);
        }
        for (String v : List.of("R&B", "r & b", "RnB", "Rhythm and Blues", "R&B/Soul")) {
            assertEquals("rnb", DEFAULTS.judge(List.of(v)).genre(), v);
        }
        assertEquals("hiphop", DEFAULTS.map("Hip-Hop"));
        assertEquals("electronic", DEFAULTS.map("Drum & Bass"));
        assertEquals("rock", DEFAULTS.map("Rock 'n' Roll"));
    }

    @Test
    void theDefaultTaxonomyCoversGtzanAndTheCommonGenresItLacks() {
        assertEquals(List.of("blues", "classical", "country", "disco", "electronic", "folk", "hiphop", "jazz", "latin",
                "metal", "pop", "reggae", "rnb", "rock", "world"), DEFAULTS.taxonomy());
        List<String> unknown = new java.util.ArrayList<>();
        for (int n = 0; n < Id3v1Genres.size(); n++) {
            if (DEFAULTS.judge(List.of(Id3v1Genres.name(n))).kind() == TagGenres.Kind.UNMAPPED) {
                unknown.add(Id3v1Genres.name(n));
            }
        }
        assertEquals(List.of(), unknown); // every ID3v1 genre is a genre of the taxonomy or deliberately none
    }

    @Test
    void verdicts() {
        assertEquals(new TagGenres.Verdict(TagGenres.Kind.OK, "rock", List.of(), Set.of("rock")),
                DEFAULTS.judge(List.of("Alt. Rock", "Hard Rock")));
        TagGenres.Verdict conflict = DEFAULTS.judge(List.of("Rock;Electronic"));
        assertEquals(TagGenres.Kind.CONFLICT, conflict.kind());
        assertNull(conflict.genre());
        assertEquals(Set.of("rock", "electronic"), conflict.mapped());
        TagGenres.Verdict unknown = DEFAULTS.judge(List.of("Vaporwave Polka-Step"));
        assertEquals(TagGenres.Kind.UNMAPPED, unknown.kind());
        assertEquals(List.of("Vaporwave Polka-Step"), unknown.unmapped());
        assertEquals(TagGenres.Kind.NONE, DEFAULTS.judge(List.of()).kind());
        assertEquals(TagGenres.Kind.NONE, DEFAULTS.judge(null).kind());
        assertEquals(TagGenres.Kind.NONE, DEFAULTS.judge(List.of("Other", "Soundtrack")).kind()); // no genres
        TagGenres.Verdict partly = DEFAULTS.judge(List.of("Jazz; Vaporwave"));
        assertEquals("jazz", partly.genre()); // one genre, one unknown value: the genre, the value counted
        assertEquals(List.of("Vaporwave"), partly.unmapped());
    }

    @Test
    void aGenreMapOverridesEntriesOfTheDefault() throws Exception {
        GenreMap mine = GenreMap.parse(new StringReader("source_genre,genre\nAlternative Rock,pop\nVaporwave,"
                + "electronic\nWorld,\n"), "mine.csv");
        TagGenres map = DEFAULTS.overriddenBy(mine, "mine.csv");
        assertEquals("pop", map.map("Alternative-Rock"));
        assertEquals("rock", map.map("Alt. Rock")); // only the entry it names changes
        assertEquals("electronic", map.map("VAPORWAVE"));
        assertEquals(TagGenres.Kind.NONE, map.judge(List.of("World")).kind());
        assertEquals("rock", map.map("Hard Rock"));
        assertEquals("conf/tag-genres.csv + mine.csv", map.source());
        TagGenres back = TagGenres.parse(new StringReader(map.toCsv()), "model");
        assertEquals(map.toCsv(), back.toCsv());
        assertEquals("pop", back.map("Alternative Rock"));
    }
}
