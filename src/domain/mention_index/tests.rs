use super::*;
use crate::domain::entity::Form;

#[test]
fn mentions_given_by_start_index_only_the_store_they_are_of() {
    let store = Arc::new(vec![
        Mention::with_form(0..3, Form::Name),
        Mention::with_form(10..12, Form::Name),
        Mention::with_form(5..8, Form::Name),
    ]);
    let of = |range: Range<usize>| Entity {
        mentions: Mentions::shared(&store, range),
        ..Entity::mentioned_at(&[])
    };
    let entities = [of(0..2), of(2..3)];
    let by_start = || ByStart::new(&store, vec![0, 2, 1]);
    let index = MentionIndex::of_sorted(&entities, by_start()).unwrap();
    let all: Vec<(Mention, usize)> = index.overlapping(0..20).collect();
    let sorted: Vec<(Mention, usize)> = MentionIndex::new(&entities).overlapping(0..20).collect();
    assert_eq!(all, sorted);
    assert_eq!(all.iter().map(|(_, e)| *e).collect::<Vec<_>>(), [0, 1, 0]);
    // Entities not all of that store, or not all of its mentions: sorted as usual.
    assert!(MentionIndex::of_sorted(&entities[..1], by_start()).is_none());
    let copied = [Entity::mentioned_at(&[(0, 3), (10, 12)]), of(2..3)];
    assert!(MentionIndex::of_sorted(&copied, by_start()).is_none());
}

#[test]
fn entities_that_share_a_store_are_indexed_without_a_copy() {
    let mut shared = vec![
        Entity::mentioned_at(&[(10, 15)]),
        Entity::mentioned_at(&[(0, 5), (20, 25)]),
    ];
    let largest = Arc::clone(shared[1].mentions.store().0);
    let index = MentionIndex::sharing(&mut shared);
    let store = Arc::clone(shared[1].mentions.store().0);
    assert!(Arc::ptr_eq(&store, &largest), "the largest store is kept");
    assert!(
        Arc::ptr_eq(shared[0].mentions.store().0, &index.stores.more[0]),
        "the other's store read where it is"
    );
    assert_eq!(index.store_bytes(), 3 * 9);
    assert_eq!(
        *shared[1].mentions,
        [
            Mention {
                start: 0,
                end: 5,
                form: Form::Name
            },
            Mention {
                start: 20,
                end: 25,
                form: Form::Name
            }
        ]
    );
    let mut again = shared.clone();
    let twice = MentionIndex::sharing(&mut again);
    assert!(
        Arc::ptr_eq(&twice.stores.first, &store),
        "already shared: not packed again"
    );
    let hits: Vec<_> = twice
        .overlapping(0..99)
        .map(|(m, o)| (m.start, o))
        .collect();
    assert_eq!(hits, [(0, 1), (10, 0), (20, 1)]);
    assert_eq!(index.entries, twice.entries);
}

#[test]
fn only_the_mentions_copied_out_into_a_small_store_are_copied_again() {
    // As the extractor leaves them: one store, a range of it for each entity.
    let many: Vec<(u32, u32)> = (0..1000).map(|i| (1000 + i * 10, 1005 + i * 10)).collect();
    let mut entities = vec![
        Entity::mentioned_at(&[(0, 5), (20, 25)]),
        Entity::mentioned_at(&[(10, 15), (30, 35)]),
        Entity::mentioned_at(&[(40, 45)]),
        Entity::mentioned_at(&many),
    ];
    let store: Arc<Vec<Mention>> =
        Arc::new(entities.iter().flat_map(|e| e.mentions.to_vec()).collect());
    for (e, r) in entities.iter_mut().zip([0..2, 2..4, 4..5, 5..1005]) {
        e.mentions = Mentions::shared(&store, r);
    }
    // A correction edits one entity: its mentions leave the shared store, into a store
    // of their own, too small to be read in place.
    entities[1].mentions.edit(|v| v.push(Mention::new(50..55)));
    let index = MentionIndex::sharing(&mut entities);
    assert!(
        Arc::ptr_eq(&index.stores.first, &store),
        "the shared store is read in place"
    );
    assert_eq!(index.stores.more.len(), 1);
    assert_eq!(
        index.stores.more[0].len(),
        3,
        "only the edited entity's mentions are copied"
    );
    assert!(
        Arc::ptr_eq(entities[1].mentions.store().0, &index.stores.more[0]),
        "and held once"
    );
    let hits: Vec<_> = index
        .overlapping(0..99)
        .map(|(m, o)| (m.start, o))
        .collect();
    assert_eq!(hits, [(0, 0), (10, 1), (20, 0), (30, 1), (40, 2), (50, 1)]);
    assert_eq!(index.at(52).map(|(_, o)| o), Some(1));
    assert_eq!(index.at(1002).map(|(_, o)| o), Some(3));
    assert_eq!(index.len(), 1006);
}

#[test]
fn entities_in_several_stores_are_indexed_in_place() {
    // As coreference leaves them: most in the names' store, those it added to in one
    // of their own.
    let mut entities = vec![
        Entity::mentioned_at(&[(0, 5), (20, 25)]),
        Entity::mentioned_at(&[(10, 15)]),
        Entity::mentioned_at(&[(40, 45), (50, 55)]),
    ];
    let names: Arc<Vec<Mention>> =
        Arc::new(entities.iter().flat_map(|e| e.mentions.to_vec()).collect());
    entities[0].mentions = Mentions::shared(&names, 0..2);
    entities[2].mentions = Mentions::shared(&names, 3..5);
    let added = Arc::new(vec![Mention::new(10..15), Mention::new(30..32)]);
    entities[1].mentions = Mentions::shared(&added, 0..2);
    let index = MentionIndex::sharing(&mut entities);
    assert!(Arc::ptr_eq(&index.stores.first, &names));
    assert!(
        Arc::ptr_eq(&index.stores.more[0], &added),
        "the second store not copied"
    );
    assert!(Arc::ptr_eq(entities[1].mentions.store().0, &added));
    let hits: Vec<_> = index
        .overlapping(0..99)
        .map(|(m, o)| (m.start, o))
        .collect();
    assert_eq!(hits, [(0, 0), (10, 1), (20, 0), (30, 1), (40, 2), (50, 2)]);
    assert_eq!(index.at(31).map(|(_, o)| o), Some(1));

    // A third store (the quotations' speakers'), read in place too.
    entities.push(Entity::mentioned_at(&[(60, 65)]));
    let third = Arc::clone(entities[3].mentions.store().0);
    let index = MentionIndex::sharing(&mut entities);
    assert!(Arc::ptr_eq(&index.stores.first, &names));
    assert_eq!(index.stores.more.len(), 2);
    assert!(Arc::ptr_eq(&index.stores.more[1], &third));
    assert_eq!(index.len(), 7);
    assert_eq!(index.at(62).map(|(_, o)| o), Some(3));
}

#[test]
fn many_mentions_sorted_a_range_of_starts_at_a_time_are_in_text_order() {
    // Enough mentions and distinct starts for several passes, three entities interleaved
    // (each entity's own mentions sorted, as the extractor gives them).
    let spans = |e: u32| -> Vec<(u32, u32)> {
        (0..5000u32)
            .map(|i| (i * 7919 % 5000) * 30 + e * 10)
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .map(|s| (s, s + 5))
            .collect()
    };
    let entities: Vec<Entity> = (0..3).map(|e| Entity::mentioned_at(&spans(e))).collect();
    let index = MentionIndex::new(&entities);
    let got: Vec<(u32, usize)> = index
        .overlapping(0..usize::MAX)
        .map(|(m, o)| (m.start, o))
        .collect();
    let mut want: Vec<(u32, usize)> = (0..3)
        .flat_map(|e| spans(e as u32).into_iter().map(move |(s, _)| (s, e)))
        .collect();
    want.sort_unstable();
    assert_eq!(got, want);
}

#[test]
fn finds_mentions_overlapping_a_range() {
    let index = MentionIndex::new(&[
        Entity::mentioned_at(&[(0, 5), (20, 25)]),
        Entity::mentioned_at(&[(10, 15)]),
    ]);
    let hits: Vec<_> = index
        .overlapping(4..21)
        .map(|(m, o)| (m.start, o))
        .collect();
    assert_eq!(hits, [(0, 0), (10, 1), (20, 0)]);
    assert_eq!(index.overlapping(5..10).count(), 0, "end is exclusive");
    assert_eq!(index.at(12).map(|(_, o)| o), Some(1));
    assert_eq!(index.at(16), None);
}

#[test]
fn overlapping_mentions_keep_the_first_and_longest() {
    let index = MentionIndex::new(&[
        Entity::mentioned_at(&[(0, 3)]),
        Entity::mentioned_at(&[(0, 10)]),
        Entity::mentioned_at(&[(5, 8)]),
    ]);
    let hits: Vec<_> = index.overlapping(0..100).map(|(m, o)| (m.end, o)).collect();
    assert_eq!(hits, [(10, 1)]);
}

#[test]
fn next_and_prev_wrap_round() {
    let ms: Vec<Mention> = [(10, 12), (20, 22), (30, 32)]
        .iter()
        .map(|&(start, end)| Mention {
            start,
            end,
            form: Form::Name,
        })
        .collect();
    assert_eq!(next_from(&ms, 0), Some(0));
    assert_eq!(next_from(&ms, 11), Some(1));
    assert_eq!(next_from(&ms, 31), Some(0));
    assert_eq!(prev_from(&ms, 20), Some(0));
    assert_eq!(prev_from(&ms, 5), Some(2));
    assert_eq!(next_from(&[], 5), None);
    assert_eq!(first_in(&ms, 11..25), Some(1));
    assert_eq!(first_in(&ms, 11..20), None, "end is exclusive");
    assert_eq!(first_in(&ms, 31..99), None, "no wrap");
    assert_eq!(count_in(&ms, 0..31), 3);
    assert_eq!(count_in(&ms, 11..30), 1);
}

#[test]
fn counts_by_start_and_holds_four_bytes_a_mention() {
    let index = MentionIndex::new(&[
        Entity::mentioned_at(&[(0, 5), (20, 25)]),
        Entity::mentioned_at(&[(10, 15)]),
    ]);
    assert_eq!(index.count_in(0..100), 3);
    assert_eq!(index.count_in(1..20), 1);
    assert_eq!(index.count_in(20..21), 1);
    assert_eq!(
        index.heap_bytes(),
        3 * 4 + 2 * 8,
        "4 bytes a mention, 8 an entity"
    );
}

#[test]
fn owners_come_from_the_store_ranges_and_shared_ranges_are_packed_apart() {
    let mut entities = vec![
        Entity::mentioned_at(&[(0, 5), (20, 25)]),
        Entity::mentioned_at(&[(10, 15), (30, 35)]),
    ];
    let index = MentionIndex::sharing(&mut entities);
    let owners: Vec<_> = index
        .overlapping(0..100)
        .map(|(m, o)| (m.start, o))
        .collect();
    assert_eq!(owners, [(0, 0), (10, 1), (20, 0), (30, 1)]);
    // Two entities over one range of the store (a clone): each mention is indexed once,
    // for the first of them, as when their mentions were stored apart.
    let twins = vec![
        entities[1].clone(),
        entities[1].clone(),
        entities[0].clone(),
    ];
    let index = MentionIndex::new(&twins);
    let owners: Vec<_> = index
        .overlapping(0..100)
        .map(|(m, o)| (m.start, o))
        .collect();
    assert_eq!(owners, [(0, 2), (10, 0), (20, 2), (30, 0)]);
}
